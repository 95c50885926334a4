package dev.orgplatform.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * The console's management pages in a real browser: settings beside what holds from above, teams, plan and limits
 * drawn as bars, API keys with a secret shown once, the audit log, suspension, sessions and ownership, deletion and
 * restore; a Viewer sees no management control and a post forged past the page is refused by the services; a
 * suspended account's session ends on its next page. A screenshot of each page lands in target/screenshots.
 */
class ConsoleManagementIT {

    private static LocalStack stack;
    private static Flows flows;
    private static Chromium chromium;
    private static Browser browser;
    private static String console;

    @BeforeAll
    static void browser() {
        stack = Suite.services();
        flows = new Flows(stack);
        console = stack.config().consoleUrl();
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void notificationsAreReadFromTheirPageAndThePreferencesSavedThereSayWhatIsMissing() {
        TestUsers.User owner = TestUsers.create("cm-notified");
        String org = flows.organization(owner);
        flows.createKey(owner, org, List.of("read"));
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/notifications");
            Locator created = page.locator("table.notifications tr", new Page.LocatorOptions().setHasText("A new API key was created"));
            for (int i = 0; i < 30 && created.count() == 0; i++) { // told shortly after the key's event
                page.waitForTimeout(1_000);
                page.reload();
            }
            assertThat(created).hasClass(Pattern.compile(".*unread.*"));
            created.getByText("Mark read").click();
            assertThat(page.locator(".notice")).containsText("marked read");
            assertThat(created).hasClass(Pattern.compile(".*\\bread\\b.*"));

            page.locator("#pref-BILLING-EMAIL").uncheck();
            page.locator("#pref-SECURITY-SMS").check();
            page.getByText("Save notification preferences").click();
            assertThat(page.locator("#pref-SECURITY-error")).containsText("phone");
            page.locator("#pref-phone").fill("+4915112345678");
            page.getByText("Save notification preferences").click();
            assertThat(page.locator(".notice")).containsText("notification preferences saved");
            assertThat(page.locator("#pref-SECURITY-SMS")).isChecked();
            assertThat(page.locator("#pref-BILLING-EMAIL")).not().isChecked();
            assertThat(page.locator("#pref-BILLING-IN_APP")).isChecked();
            shot(page, "notifications");
        }
    }

    @Test
    void brandingSetOnTheRootInTheConsoleShowsOnItsSubOrganizationsPagesAndARefusedLogoSaysWhy() throws Exception {
        TestUsers.User owner = TestUsers.create("cm-brand");
        String root = flows.treeRoot(owner);
        String child = child(owner, root, "Plant Lyon");
        java.nio.file.Path small = java.nio.file.Files.createTempFile("logo-small", ".png");
        java.nio.file.Path good = java.nio.file.Files.createTempFile("logo", ".png");
        java.nio.file.Files.write(small, BrandingIT.image(300, 300, "png"));
        java.nio.file.Files.write(good, BrandingIT.image(800, 500, "png"));
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + root + "/settings");
            page.locator("#brand-colour").fill("#0b7a4b");
            page.locator("#brand-mail-name").fill("Plants Inc.");
            page.getByText("Save branding").click();
            assertThat(page.locator(".notice")).containsText("branding saved");
            page.locator("#brand-logo").setInputFiles(small);
            page.getByText("Upload logo").click();
            assertThat(page.locator("#brand-logo-error")).containsText("300×300");
            page.locator("#brand-logo").setInputFiles(good);
            page.getByText("Upload logo").click();
            assertThat(page.locator(".notice")).containsText("logo saved");

            // the sub-organization's pages wear it: the root's logo, the root's colour on its buttons and links
            page.navigate(console + "/organizations/" + child);
            Locator logo = page.locator("img.org-logo");
            assertThat(logo).isVisible();
            await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) logo.evaluate("img => img.naturalWidth")).intValue() == 800);
            assertEquals("#0b7a4b", ((String) page.locator("main").evaluate("m => getComputedStyle(m).getPropertyValue('--brand')")).trim());
            shot(page, "branding-inherited");
        }
    }

    @Test
    void settingsShowWhatHoldsBesideWhoSetItAndARefusedFormKeepsWhatWasTyped() throws Exception {
        TestUsers.User owner = TestUsers.create("cm-settings");
        String root = flows.treeRoot(owner);
        String child = child(owner, root, "Plant Berlin");
        String rootName = field(owner, root, "displayName");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + root + "/settings");
            page.locator("#security-session").fill("480");
            page.getByText("Save security settings").click();
            assertThat(page.locator(".notice")).containsText("security settings saved");

            page.navigate(console + "/organizations/" + child + "/settings");
            page.locator("#security-session").fill("600");
            page.locator("#security-ips").fill("10.0.0.0/33");
            page.getByText("Save security settings").click();
            // refused by org-service: the message beside the field, what was typed still there
            assertThat(page.locator("#security-ips-error")).isVisible();
            assertThat(page.locator("#security-ips")).hasValue("10.0.0.0/33");
            assertThat(page.locator("#security-session")).hasValue("600");
            shot(page, "settings-refused");
            // a list that would refuse this browser's own address is refused, saying so
            page.locator("#security-ips").fill("10.0.0.0/8");
            page.getByText("Save security settings").click();
            assertThat(page.locator(".alert")).containsText("your own address");
            assertThat(page.locator("#security-ips-error")).containsText("does not admit your address");
            // this browser reaches the console over loopback, IPv4 or IPv6
            page.locator("#security-ips").fill("127.0.0.0/8\n::1/128\n10.0.0.0/8");
            page.getByText("Save security settings").click();
            assertThat(page.locator(".notice")).containsText("security settings saved");
            // what holds: the root's 480 minutes, not the child's own 600, and who set it
            Locator session = page.locator("tr", new Page.LocatorOptions().setHas(page.locator("#security-session")));
            assertThat(session).containsText("480 minutes");
            assertThat(session.locator(".source")).containsText("set by " + rootName);
            assertThat(page.locator("tr", new Page.LocatorOptions().setHas(page.locator("#security-ips"))))
                    .containsText("set by this organization");

            page.locator("#general-display").fill("Plant Berlin North");
            page.locator("#general-description").fill("Assembly line two");
            page.getByText("Save general settings").click();
            assertThat(page.locator("h1")).hasText("Plant Berlin North");
            // billed with its tree: thresholds are set at the root only
            assertThat(page.locator("#alerts-thresholds")).hasAttribute("readonly", "");
            shot(page, "settings-child");

            page.navigate(console + "/organizations/" + root + "/settings");
            page.locator("#billing-email").fill("billing@" + root.substring(0, 8) + ".example.com");
            page.locator("#billing-type").selectOption("INVOICE");
            page.locator("#billing-reference").fill("PO-1234");
            page.getByText("Save billing settings").click();
            assertThat(page.locator(".notice")).containsText("billing settings saved");
            assertThat(page.locator("#billing-reference")).hasValue("PO-1234");
            page.locator("#alerts-thresholds").fill("50, 90");
            page.getByText("Save thresholds").click();
            assertThat(page.locator(".notice")).containsText("alert thresholds saved");
            assertThat(page.locator("#alerts-thresholds")).hasValue("50, 90");
            shot(page, "settings-root");
            given().auth().oauth2(owner.token()).get(flows.url("org-service") + "/api/v1/organizations/" + child + "/settings/effective")
                    .then().statusCode(200).body("maxSessionMinutes", equalTo(480));

            // an allowlist this browser is outside of (set through the API from inside it): the pages say why
            assertEquals(200, AccessRulesIT.setAllowlist(flows.url("org-service"), owner, root, List.of("203.0.113.0/24"),
                    "203.0.113.5", false).status());
            await().atMost(Duration.ofSeconds(10)).until(() -> page.navigate(console + "/organizations/" + child).status() == 403);
            assertThat(page.locator("h1")).hasText("Not from this network");
            assertThat(page.locator(".alert")).containsText("outside the IP allowlist");
            shot(page, "outside-allowlist");
            assertEquals(200, AccessRulesIT.setAllowlist(flows.url("org-service"), owner, root, List.of(), "203.0.113.5", false).status());
        }
    }

    @Test
    void teamsAreCreatedStaffedRenamedAndDeletedAndAMemberShowsTeamsAndProductPermissions() {
        TestUsers.User owner = TestUsers.create("cm-teams");
        String org = flows.organization(owner);
        TestUsers.User dev = flows.member(owner, org, "DEVELOPER");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + org + "/teams");
            page.locator("#team-name").fill("Firmware");
            page.getByText("Create team").click();
            page.waitForURL(Pattern.compile(".*/teams/[0-9a-f-]{36}.*"));
            page.locator("#team-add").selectOption(dev.id());
            page.locator("#team-add-role").selectOption("TEAM_ADMIN");
            page.getByText("Add to team").click();
            assertThat(page.locator("table.list")).containsText(dev.email());
            assertThat(page.locator("#team-role-" + dev.id())).hasValue("TEAM_ADMIN");
            page.locator("#team-rename").fill("Firmware Team");
            page.getByText("Rename team").click();
            assertThat(page.locator("#team-title")).containsText("Firmware Team");
            shot(page, "team");

            // the member's own page: their teams, and rights on one product beyond the role
            page.navigate(console + "/organizations/" + org + "/members/" + dev.id());
            assertThat(page.locator(".facts")).containsText("Firmware Team");
            page.locator("#product-id").fill("p-gateway");
            page.getByLabel("device:write").check();
            page.getByText("Save permissions on the product").click();
            assertThat(page.locator(".notice")).containsText("permissions on p-gateway saved");
            assertThat(page.locator("#products-title + p + table")).containsText("device:write");
            shot(page, "member");

            page.navigate(console + "/organizations/" + org + "/teams");
            page.getByText("Firmware Team").click();
            page.getByText("Delete team").click();
            page.waitForURL(Pattern.compile(".*/teams\\?done=.*"));
            assertThat(page.locator("ul.plain")).not().containsText("Firmware Team");
            shot(page, "teams");
        }
        expectDecision(dev, org, "device:write", "p-gateway", true);
    }

    @Test
    void usageIsDrawnAsBarsAFullLimitExplainsItselfAndAPlanChangeSaysWhichUsageIsAboveIt() {
        TestUsers.User owner = TestUsers.create("cm-limits");
        String org = flows.organization(owner);
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + org + "/limits");
            page.locator("#plan-choice").selectOption("PLUS");
            page.getByText("Change plan").click();
            assertThat(page.locator(".notice")).containsText("plan changed to PLUS");
            // 60 more seats held the way platform services hold them: more than the Free plan's 50
            given().auth().oauth2(TestUsers.serviceToken("invitation-service")).contentType(ContentType.JSON)
                    .body(Map.of("resource", "users", "amount", 60, "idempotencyKey", "console-fill:" + UUID.randomUUID()))
                    .post(flows.url("billing-service") + "/api/v1/organizations/" + org + "/reservations").then().statusCode(201);
            page.navigate(console + "/organizations/" + org + "/limits");
            page.locator("#plan-choice").selectOption("FREE");
            page.getByText("Change plan").click();
            assertThat(page.locator(".alert")).containsText("61 users, more than 50");
            shot(page, "limits-plan-refused");

            page.locator("#limit-users").fill("61");
            page.locator("tr[data-resource=users]").getByText("Set").click();
            assertThat(page.locator(".notice")).containsText("users limited to 61");
            assertThat(page.locator("tr[data-resource=users] .bar")).hasClass(Pattern.compile("\\bfull\\b"));
            assertThat(page.locator("tr[data-resource=users] .bar .fill")).hasAttribute("style", "width:100%");
            assertThat(page.locator("tr[data-resource=apiKeys] .bar")).hasClass(Pattern.compile("\\bok\\b"));
            shot(page, "limits-full");

            // the invite form says so before anyone tries, and the refusal explains it
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator(".seats-full")).containsText("Every seat is taken");
            page.locator("#invite-email").fill("one-too-many-" + UUID.randomUUID() + "@example.com");
            page.locator("#invite-name").fill("One Too Many");
            page.getByText("Send invitation").click();
            assertThat(page.locator("#invite-title ~ .alert").last()).containsText("use 61 of its 61 users");
            shot(page, "invite-limit-reached");
        }
    }

    @Test
    void anApiKeysSecretIsShownOnceCopiedRotatedAndRevoked() throws Exception {
        TestUsers.User owner = TestUsers.create("cm-keys");
        String org = flows.organization(owner);
        assertEquals(200, AccessRulesIT.setSecurity(flows.url("org-service"), owner.token(), org,
                Map.of("enforce2fa", false, "ipAllowlist", List.of(), "apiKeyMaxLifetimeDays", 30), "127.0.0.1", false).status());
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setPermissions(List.of("clipboard-read", "clipboard-write")))) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + org + "/api-keys");
            assertThat(page.locator("#key-days + .hint")).containsText("At most 30 days");
            page.locator("#key-name").fill("CI/CD Pipeline");
            page.locator("#key-days").fill("90");
            page.getByText("Create API key").click();
            // over the organization's policy: refused beside the field, what was typed kept
            assertThat(page.locator("#key-days-error")).isVisible();
            assertThat(page.locator("#key-name")).hasValue("CI/CD Pipeline");
            page.locator("#key-days").fill("30");
            page.getByText("Create API key").click();
            String secret = page.locator("#new-secret").textContent().trim();
            assertTrue(secret.startsWith("opk_"), secret);
            page.locator("[data-copy=new-secret]").click();
            assertThat(page.locator("#copied")).hasText("Copied.");
            assertEquals(secret, page.evaluate("navigator.clipboard.readText()"));
            shot(page, "api-key-created");
            assertEquals(200, membersWithKey(org, secret));

            page.navigate(console + "/organizations/" + org + "/api-keys");
            assertThat(page.locator("#new-secret")).hasCount(0); // shown once, never again
            assertThat(page.locator("table.list")).containsText("CI/CD Pipeline");
            page.getByLabel("Rotate CI/CD Pipeline").click();
            String rotated = page.locator("#new-secret").textContent().trim();
            assertNotEquals(secret, rotated);
            await().atMost(Duration.ofSeconds(5)).until(() -> membersWithKey(org, secret) == 401);
            assertEquals(200, membersWithKey(org, rotated));
            // last used, and how often: each replica adds its count up every 5 s
            reloadUntil(page, console + "/organizations/" + org + "/api-keys", "uses)");
            shot(page, "api-keys");
            page.getByLabel("Revoke CI/CD Pipeline").click();
            assertThat(page.locator(".notice")).containsText("API key revoked");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("CI/CD Pipeline"))).containsText("revoked");
            assertThat(page.getByLabel("Rotate CI/CD Pipeline")).hasCount(0);
            assertEquals(401, membersWithKey(org, rotated));
        }
    }

    @Test
    void theAuditLogIsFilteredByWhoWhatAndWhenPagedAndReadsBeforeAndAfter() {
        TestUsers.User owner = TestUsers.create("cm-audit");
        String org = flows.organization(owner);
        TestUsers.User viewer = flows.member(owner, org, "VIEWER");
        String members = flows.url("user-service") + "/api/v1/organizations/" + org + "/members/" + viewer.id();
        String etag = given().auth().oauth2(owner.token()).get(members).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("role", "DEVELOPER"))
                .patch(members).then().statusCode(200);
        for (int i = 0; i < 26; i++) {
            given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "Team " + i))
                    .post(flows.url("user-service") + "/api/v1/organizations/" + org + "/teams").then().statusCode(201);
        }
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            String audit = console + "/organizations/" + org + "/audit";
            reloadUntil(page, audit + "?action=MembershipRoleChanged", "VIEWER");
            assertThat(page.locator("table.audit tbody tr")).hasCount(1);
            assertThat(page.locator("dl.changes")).containsText("VIEWER → DEVELOPER");
            shot(page, "audit-filtered");

            // newest first, 25 a page: the teams made last come first, and older entries are one click away
            reloadUntil(page, audit + "?action=TeamCreated", "Team 25");
            assertThat(page.locator("table.audit tbody tr")).hasCount(25);
            assertThat(page.locator("table.audit tbody tr").first()).containsText("Team 25");
            page.getByText("Older entries").click();
            // 27 teams in all: the organization's first, "My Team", and the 26 above
            assertThat(page.locator("table.audit tbody tr")).hasCount(2);
            assertThat(page.locator("table.audit")).containsText("Team 0");
            assertThat(page.locator("table.audit")).containsText("My Team");

            page.navigate(audit);
            page.locator("select[name=actor]").selectOption(new SelectOption().setValue(viewer.id()));
            page.getByText("Filter").click();
            assertThat(page.locator("table.audit")).not().containsText("TeamCreated");
            page.navigate(audit);
            page.locator("input[name=from]").fill(LocalDate.now().plusDays(2).toString());
            page.getByText("Filter").click();
            assertThat(page.locator(".empty")).containsText("No entry matches");
            page.navigate(audit);
            shot(page, "audit");
        }
    }

    @Test
    void aMemberIsSuspendedWithAReasonAndReactivatedOwnershipIsTransferredAndASessionEnded() {
        TestUsers.User owner = TestUsers.create("cm-members");
        String org = flows.treeRoot(owner);
        String site = flows.child(owner, org, "cm-site");
        TestUsers.User dev = flows.member(owner, org, "DEVELOPER");
        TestUsers.User admin = flows.member(owner, org, "ADMIN");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + org + "/members/" + dev.id());
            page.locator("#suspend-reason").fill("left the project");
            page.locator("button.danger", new Page.LocatorOptions().setHasText("Suspend")).click();
            assertThat(page.locator(".notice")).containsText("member suspended here");
            assertThat(page.locator(".facts")).containsText("left the project");
            expectDecision(dev, org, "organization:read", null, false);
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(dev.email()))).containsText("suspended here");
            shot(page, "members-suspended");
            page.navigate(console + "/organizations/" + org + "/members/" + dev.id());
            page.getByText("Reactivate here").click();
            assertThat(page.locator(".notice")).containsText("member reactivated here");
            expectDecision(dev, org, "organization:read", null, true);

            // moved to a sub-organization with a role there: their page there follows
            page.locator("#move-to").selectOption(site);
            page.locator("#move-role").selectOption("OPERATOR");
            shot(page, "member-move");
            page.getByText("Move member").click();
            page.waitForURL(Pattern.compile(".*/organizations/" + site + "/members/" + dev.id() + "\\?done=.*"));
            assertThat(page.locator(".notice")).containsText("member moved here");
            assertThat(page.locator(".facts")).containsText("OPERATOR");
            assertEquals(null, flows.role(org, dev.id()));

            page.navigate(console + "/organizations/" + org + "/members/" + admin.id());
            page.getByText("Transfer ownership").click();
            assertThat(page.locator(".notice")).containsText("ownership transferred");
            await().atMost(Duration.ofSeconds(10)).until(() -> "OWNER".equals(flows.role(org, admin.id())));
            assertEquals("ADMIN", flows.role(org, owner.id()));

            // my sessions: this browser's among them, ended from here
            page.navigate(console + "/profile");
            Locator mine = page.locator("table.sessions tr", new Page.LocatorOptions().setHasText("org-platform-console"));
            assertThat(mine.first()).containsText("127.0.0.1");
            shot(page, "profile-sessions");
            int before = mine.count();
            mine.first().getByText("End session").click();
            assertThat(page.locator(".notice")).containsText("Session ended");
            assertThat(page.locator("table.sessions tr", new Page.LocatorOptions().setHasText("org-platform-console")))
                    .hasCount(before - 1);
        }
    }

    @Test
    void deletionListsEveryUnmetConditionAndWhatIsPendingIsRestoredFromItsList() {
        TestUsers.User owner = TestUsers.create("cm-delete");
        String root = flows.treeRoot(owner);
        String child = child(owner, root, "Short-lived");
        String rootName = field(owner, root, "name");
        String childName = field(owner, child, "name");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, owner);
            page.navigate(console + "/organizations/" + root + "/delete");
            page.locator("#delete-confirm").fill("not-the-name");
            page.locator("button.danger").click();
            assertThat(page.locator("#delete-confirm-error")).isVisible();
            page.locator("#delete-confirm").fill(rootName);
            page.locator("button.danger").click();
            assertThat(page.locator("ul.unmet li[data-condition]")).not().hasCount(0);
            assertThat(page.locator("ul.unmet")).containsText("sub-organization");
            shot(page, "delete-refused");

            page.navigate(console + "/organizations/" + child + "/delete");
            page.locator("#delete-confirm").fill(childName);
            page.locator("button.danger").click();
            page.waitForURL(Pattern.compile(".*/organizations/deleted\\?done=.*"));
            Locator pending = page.locator("tr", new Page.LocatorOptions().setHasText(childName));
            assertThat(pending).containsText(String.valueOf(LocalDate.now().plusDays(7).getYear()));
            shot(page, "pending-deletion");
            pending.getByText("Restore").click();
            page.waitForURL(Pattern.compile(".*/organizations/" + child + "\\?done=.*"));
            assertThat(page.locator(".facts")).containsText("ACTIVE");
        }
    }

    @Test
    void aViewerSeesNoManagementControlAndAPostForgedPastThePageIsRefused() {
        TestUsers.User owner = TestUsers.create("cm-owner");
        String org = flows.organization(owner);
        TestUsers.User viewer = flows.member(owner, org, "VIEWER");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, viewer);
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator("main select, main form[method=post]")).hasCount(0);
            assertThat(page.locator("#invite-title")).hasCount(0);
            assertThat(page.locator("nav.tabs a")).hasText(new String[] {"Members", "Teams", "API keys"});
            shot(page, "viewer-organization");
            page.navigate(console + "/organizations/" + org + "/teams");
            assertThat(page.locator("#team-name")).hasCount(0);
            page.navigate(console + "/organizations/" + org + "/settings");
            assertThat(page.locator("main form")).hasCount(0);
            page.navigate(console + "/organizations/" + org + "/limits");
            assertThat(page.locator("#plan-choice")).hasCount(0);
            page.navigate(console + "/organizations/" + org + "/members/" + owner.id());
            assertThat(page.locator("#suspend-reason, #product-id, #transfer-title")).hasCount(0);
            shot(page, "viewer-member");

            // a form the page never offered, posted with the viewer's own session and CSRF token: the services refuse it
            page.navigate(console + "/organizations/" + org + "/api-keys");
            String csrf = ConsolePages.csrfToken(page);
            APIResponse forged = page.request().post(console + "/organizations/" + org + "/members/" + owner.id() + "/remove",
                    RequestOptions.create().setForm(FormData.create().set("csrf-token", csrf)).setMaxRedirects(0));
            assertEquals(403, forged.status(), forged.text());
            APIResponse suspend = page.request().post(console + "/organizations/" + org + "/members/" + owner.id() + "/suspend",
                    RequestOptions.create().setForm(FormData.create().set("csrf-token", csrf).set("reason", "coup").set("scope", "here"))
                            .setMaxRedirects(0));
            assertEquals(403, suspend.status(), suspend.text());
            APIResponse plan = page.request().post(console + "/organizations/" + org + "/plan",
                    RequestOptions.create().setForm(FormData.create().set("csrf-token", csrf).set("plan", "ENTERPRISE")
                            .set("version", "\"0\"")).setMaxRedirects(0));
            assertEquals(403, plan.status(), plan.text());
        }
        assertEquals("OWNER", flows.role(org, owner.id()));
        given().auth().oauth2(owner.token()).get(flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits").then()
                .statusCode(200).body("plan", equalTo("FREE"));
    }

    @Test
    void aSuspendedAccountsConsoleSessionEndsOnItsNextPage() {
        TestUsers.User owner = TestUsers.create("cm-suspender");
        String org = flows.organization(owner);
        TestUsers.User dev = flows.member(owner, org, "DEVELOPER");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, dev);
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator("h1")).isVisible();
            given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("reason", "laptop stolen"))
                    .post(flows.url("user-service") + "/api/v1/users/" + dev.id() + "/suspension").then().statusCode(200);
            com.microsoft.playwright.Response next = page.navigate(console + "/organizations/" + org);
            assertEquals(403, next.status());
            assertThat(page.locator("h1")).hasText("Your account is suspended");
            assertThat(page.locator(".alert")).containsText("laptop stolen");
            shot(page, "suspended");
            page.navigate(console + "/profile");
            assertThat(page.locator("#kc-login, #kc-page-title").first()).isVisible(); // signed out: Keycloak's page again
        } finally {
            given().auth().oauth2(owner.token()).delete(flows.url("user-service") + "/api/v1/users/" + dev.id() + "/suspension");
        }
    }

    /** The check's answer for the user, within the second a change takes to reach every replica's view. */
    private static void expectDecision(TestUsers.User user, String org, String permission, String productId, boolean allowed) {
        Map<String, Object> query = new HashMap<>(Map.of("userId", user.id(), "organizationId", org, "permission", permission,
                "secondFactor", true));
        if (productId != null) {
            query.put("productId", productId);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(Flows.serviceToken()).contentType(ContentType.JSON)
                .body(query).post(flows.url("user-service") + "/api/v1/authorization/check").then().statusCode(200)
                .body("allowed", equalTo(allowed)));
    }

    private static BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    private static void signIn(Page page, TestUsers.User user) {
        ConsolePages.signIn(page, console, user);
    }

    private static void shot(Page page, String name) {
        ConsolePages.shot(page, "manage-" + name);
    }

    /** Opens {@code url} again until the page shows {@code text} (the audit log follows the topics). */
    private static void reloadUntil(Page page, String url, String text) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page.navigate(url);
            return page.locator("main").textContent().contains(text);
        });
    }

    private static String child(TestUsers.User owner, String parent, String displayName) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "c-" + UUID.randomUUID().toString().substring(0, 8), "displayName", displayName))
                .post(flows.url("org-service") + "/api/v1/organizations/" + parent + "/children").then().statusCode(201)
                .extract().path("id");
    }

    /** One field of the organization as org-service answers it. */
    private static String field(TestUsers.User owner, String org, String field) {
        return given().auth().oauth2(owner.token()).get(flows.url("org-service") + "/api/v1/organizations/" + org).then()
                .statusCode(200).extract().path(field);
    }

    private static int membersWithKey(String org, String secret) {
        return given().header("X-API-Key", secret).get(flows.url("user-service") + "/api/v1/organizations/" + org + "/members")
                .then().extract().statusCode();
    }
}
