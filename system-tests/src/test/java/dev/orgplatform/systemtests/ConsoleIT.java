package dev.orgplatform.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KeycloakUsers;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.deploy.testing.Totp;

/**
 * The console in a real browser (Debian's Chromium, driven by Playwright): sign in on Keycloak's page, create an
 * organization, see it listed, a refused form that keeps what was typed, another tenant's organization in the URL,
 * sign out. A screenshot of each page lands in target/screenshots.
 */
class ConsoleIT {

    private static LocalStack stack;
    private static Chromium chromium;
    private static Browser browser;
    private static String console;

    @BeforeAll
    static void browser() throws Exception {
        stack = Suite.services();
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
    void aPersonSignsInCreatesAnOrganizationFindsItAndSignsOut() {
        TestUsers.User ada = TestUsers.create("console-ada");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = context.newPage();
            signIn(page, ada);
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Organizations"))).isVisible();
            shot(page, "organizations-empty");

            page.getByText("New organization").click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Not A Slug");
            page.getByLabel("Display name").fill("Ada's Lab");
            page.getByLabel("US").check();
            page.getByText("Create organization").click();
            // refused by org-service: the message stands beside the field it names, and what was typed stays
            assertThat(page.locator("#name-error")).isVisible();
            assertThat(page.getByLabel("Display name")).hasValue("Ada's Lab");
            assertThat(page.getByLabel("US")).isChecked();
            shot(page, "new-organization-refused");

            String name = "ada-" + UUID.randomUUID().toString().substring(0, 8);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.getByText("Create organization").click();
            page.waitForURL(Pattern.compile(".*/organizations/[0-9a-f-]{36}$"));
            assertThat(page.locator("h1")).hasText("Ada's Lab");
            assertThat(page.locator(".facts")).containsText(name);
            assertThat(page.locator("table.list")).containsText("OWNER");
            shot(page, "organization");

            page.navigate(console + "/organizations?name=" + name);
            assertThat(page.locator("table.list")).containsText(name);
            shot(page, "organizations");

            // another tenant's organization and an unknown id look the same
            TestUsers.User other = TestUsers.create("console-other");
            String theirs = new Flows(stack).organization(other);
            Response foreign = page.navigate(console + "/organizations/" + theirs);
            assertEquals(404, foreign.status());
            assertThat(page.locator("h1")).hasText("Not found");
            Response unknown = page.navigate(console + "/organizations/" + UUID.randomUUID());
            assertEquals(404, unknown.status());
            shot(page, "not-found");

            page.navigate(console + "/logout");
            page.navigate(console + "/organizations");
            assertThat(page.locator("#kc-login")).isVisible(); // signed out of Keycloak too: its login form again
        }
    }

    @Test
    void theInvitationLinkLandsOnAPageThatExplainsAndAnUnusableTokenGetsOneCalmAnswer() {
        TestUsers.User bob = TestUsers.create("console-bob");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            Response landing = page.navigate(console + "/invitations/accept?token=inv_not-a-real-token");
            assertEquals(200, landing.status());
            assertThat(page.locator("h1")).hasText("You have been invited");
            shot(page, "invitation-landing");
            page.getByText("Sign in to accept").click();
            ConsolePages.keycloakLogin(page, bob.email(), bob.password());
            page.getByText("Accept the invitation").click();
            assertThat(page.locator("h1")).hasText("This invitation can no longer be used");
            shot(page, "invitation-unusable");
        }
        // the services still answer this person normally: nothing was half-done
        given().auth().oauth2(bob.token()).get(new Flows(stack).url("user-service") + "/api/v1/users/me/organizations")
                .then().statusCode(200);
    }

    @Test
    void anOwnerInvitesSomeoneWhoAcceptsFromTheMailThenChangesTheirRole() {
        TestUsers.User owner = TestUsers.create("console-owner");
        TestUsers.User dev = TestUsers.create("console-dev");
        Flows flows = new Flows(stack);
        String org = flows.organization(owner);
        String orgPage = console + "/organizations/" + org;
        try (BrowserContext owners = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext devs = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = owners.newPage();
            signIn(page, owner);
            page.navigate(orgPage);
            page.locator("#invite-email").fill("not an email");
            page.locator("#invite-name").fill("Dev Person");
            page.getByText("Send invitation").click();
            assertThat(page.locator("#invite-email-error")).isVisible(); // beside the field, and the name typed stays
            assertThat(page.locator("#invite-name")).hasValue("Dev Person");
            page.locator("#invite-email").fill(dev.email());
            page.locator("#invite-role").selectOption("DEVELOPER");
            page.getByText("Send invitation").click();
            assertThat(page.locator(".notice")).containsText("invitation sent");
            assertThat(page.locator("table.list").last()).containsText(dev.email());
            shot(page, "organization-invited");

            // the mail links to the console's landing page
            Mailbox.Mail mail = new Mailbox(stack.config()).await(dev.email(), Duration.ofSeconds(60));
            Matcher link = Pattern.compile(Pattern.quote(console) + "/invitations/accept\\?token=[A-Za-z0-9_-]+").matcher(mail.body());
            assertTrue(link.find(), "the mail links to the console: " + mail.body());
            Page invited = devs.newPage();
            invited.navigate(link.group());
            invited.getByText("Sign in to accept").click();
            ConsolePages.keycloakLogin(invited, dev.email(), dev.password());
            invited.getByText("Accept the invitation").click();
            invited.waitForURL(orgPage);
            assertThat(invited.locator("h1")).hasText("System test");
            shot(invited, "organization-as-new-member");
            assertEquals("DEVELOPER", flows.role(org, dev.id()));

            page.navigate(orgPage);
            page.locator("#role-" + dev.id()).selectOption("VIEWER");
            page.locator("#role-" + dev.id()).locator("xpath=..").getByText("Change role").click();
            assertThat(page.locator(".notice")).containsText("role");
            assertEquals("VIEWER", flows.role(org, dev.id()));
            shot(page, "organization-role-changed");

            // the same link once used: one calm page
            invited.navigate(link.group());
            invited.getByText("Sign in to accept").click();
            invited.getByText("Accept the invitation").click();
            assertThat(invited.locator("h1")).hasText("This invitation can no longer be used");
        }
    }

    @Test
    void theProfileKeepsWhatWasTypedShowsTimesInMyTimezoneAndTheSwitcherRemembersMyOrganization() {
        TestUsers.User grace = TestUsers.create("console-grace");
        String org = new Flows(stack).organization(grace);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = context.newPage();
            signIn(page, grace);
            page.getByText("Profile").click();
            page.locator("#profile-name").fill("Grace Hopper");
            page.locator("#profile-timezone").fill("Mars/Olympus");
            page.getByText("Save profile").click();
            assertThat(page.locator("#profile-timezone-error")).isVisible();
            assertThat(page.locator("#profile-name")).hasValue("Grace Hopper");
            page.locator("#profile-timezone").fill("Europe/Berlin");
            assertThat(page.locator("#pref-theme")).hasValue("SYSTEM");
            page.locator("#pref-theme").selectOption("DARK");
            page.locator("#pref-dateFormat").selectOption("DMY");
            page.getByText("Save profile").click();
            assertThat(page.locator(".notice")).containsText("saved");
            assertThat(page.locator("#profile-name")).hasValue("Grace Hopper");
            assertThat(page.locator("#pref-theme")).hasValue("DARK");
            assertThat(page.locator("#pref-dateFormat")).hasValue("DMY");
            assertThat(page.locator("#pref-timeFormat")).hasValue("H24"); // untouched: the default
            assertThat(page.locator("table.list.mine")).containsText("OWNER");
            assertThat(page.locator("table.list.mine")).containsText("Europe/Berlin");
            shot(page, "profile");

            page.locator("#switcher").selectOption(org);
            page.getByText("Open", new Page.GetByTextOptions().setExact(true)).click();
            page.waitForURL(console + "/organizations/" + org);
            // every page is drawn in the theme chosen: dark surfaces, light ink
            assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
            assertEquals("rgb(18, 22, 28)", page.evaluate("getComputedStyle(document.body).backgroundColor"));
            shot(page, "organization-dark");
            page.navigate(console + "/");
            page.waitForURL(console + "/organizations/" + org); // remembered
        }
    }

    @Test
    void aSessionStartedOnOneConsoleReplicaIsServedByAnotherWithoutSigningInAgain() {
        String second = stack.startReplica("console", 2, Map.of()).replace("127.0.0.1", "localhost");
        TestUsers.User lin = TestUsers.create("console-lin");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, lin); // on the first replica
            // the same browser on the second replica (cookies are per host, not per port: a load balancer in front)
            page.navigate(second + "/organizations/new");
            assertThat(page.locator("h1")).hasText("New organization");
            String name = "lin-" + UUID.randomUUID().toString().substring(0, 8);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.getByLabel("Display name").fill("Lin's Shop");
            page.getByText("Create organization").click(); // the CSRF token the second replica issued is honoured
            page.waitForURL(Pattern.compile(Pattern.quote(second) + "/organizations/[0-9a-f-]{36}$"));
            page.navigate(console + "/organizations?name=" + name);
            assertThat(page.locator("table.list")).containsText(name); // and the first replica still serves the session
        } finally {
            stack.stop("console-2");
        }
    }

    @Test
    void anOwnerCreatesSubOrganizationsAndMovesOneWithThePreviewAndBack() {
        TestUsers.User owner = TestUsers.create("console-tree");
        String org = new Flows(stack).treeRoot(owner);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            signIn(page, owner);
            String europe = createChild(page, org, "eu", "Europe");
            String americas = createChild(page, org, "us", "Americas");
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator("[role=tree] [aria-level='2']")).hasCount(2);
            // neither has an Admin of its own yet: marked in the tree for the Owner
            assertThat(page.locator("[role=tree] [aria-level='2'] .no-admin")).hasCount(2);
            assertThat(page.locator("[role=tree] [aria-level='1'] .no-admin")).hasCount(0);
            shot(page, "organization-tree");

            page.navigate(console + "/organizations/" + europe);
            page.getByText("Move this organization").click();
            assertThat(page.locator("h1")).hasText("Move Europe");
            page.getByLabel("Under").selectOption(americas);
            page.getByText("Preview", new Page.GetByTextOptions().setExact(true)).click();
            // the hierarchy as it would be: Europe one level down, under Americas; nothing moved yet
            assertThat(page.locator("#tree-title")).hasText("The hierarchy after the move");
            assertThat(page.locator("li.moved")).containsText("Europe");
            assertThat(page.locator("li.moved")).hasAttribute("aria-level", "3");
            assertEquals(org, parentOf(owner, europe));
            shot(page, "move-preview");

            page.getByText("Confirm the move").click();
            page.waitForURL(Pattern.compile(".*/organizations/" + europe + "\\?done=moved.*"));
            assertThat(page.locator(".notice")).containsText("moved");
            assertEquals(americas, parentOf(owner, europe));
            shot(page, "organization-moved");

            page.getByText("Move it back").click();
            page.waitForURL(Pattern.compile(".*/organizations/" + europe + "\\?done=moved.*"));
            assertEquals(org, parentOf(owner, europe));
        }
    }

    @Test
    void someoneNewFollowsTheMailLinkOpensAnAccountAndLandsInTheOrganizationAsDeveloper() {
        TestUsers.User owner = TestUsers.create("console-inviter");
        Flows flows = new Flows(stack);
        String org = flows.organization(owner);
        String email = "console-new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String link = console + "/invitations/accept?token=" + flows.invite(owner, org, email, "DEVELOPER").token();
        String password = "pw-" + UUID.randomUUID();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(link);
            page.getByLabel("Your name").fill("Nia Newcomer");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByLabel("Password again").fill(password + "-typo");
            page.getByText("Create my account and join").click();
            assertThat(page.locator("#register-password-again-error")).isVisible();
            assertThat(page.getByLabel("Your name")).hasValue("Nia Newcomer");
            shot(page, "invitation-register-refused");
            page.getByText("Create my account and join").click(); // passwords are never sent back: both empty now
            assertThat(page.locator("#register-password-error")).isVisible(); // invitation-service names the field
            assertThat(page.getByLabel("Your name")).hasValue("Nia Newcomer");

            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByLabel("Password again").fill(password);
            page.getByText("Create my account and join").click();
            // the account exists and the invitation is accepted; signing in is Keycloak's, with the new password
            ConsolePages.keycloakLogin(page, email, password);
            page.waitForURL(console + "/organizations/" + org);
            assertThat(page.locator("h1")).hasText("System test");
            assertThat(page.locator(".who")).containsText("Nia Newcomer");
            shot(page, "organization-as-registered-member");
            Map<String, Object> joined = flows.members(org).stream().filter(m -> email.equals(m.get("email"))).findFirst().orElseThrow();
            assertEquals("DEVELOPER", joined.get("role"));
            assertEquals("Nia Newcomer", joined.get("name"));

            page.navigate(link); // used: one calm answer, nothing else said
            page.getByLabel("Your name").fill("Someone Else");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByLabel("Password again").fill(password);
            page.getByText("Create my account and join").click();
            assertThat(page.locator("h1")).hasText("This invitation can no longer be used");
        }
    }

    @Test
    void anOrganizationEnforcingTwoFactorMakesItsMemberEnrolThenSignInWithTheCode() {
        TestUsers.User owner = TestUsers.create("console-2fa-owner");
        Flows flows = new Flows(stack);
        String org = flows.organization(owner);
        TestUsers.User member = flows.member(owner, org, "DEVELOPER");
        String settings = flows.url("org-service") + "/api/v1/organizations/" + org + "/settings";
        String etag = given().auth().oauth2(owner.token()).get(settings).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("security", Map.of("enforce2fa", true, "ipAllowlist", List.of()))).put(settings).then().statusCode(200);
        KeycloakUsers keycloak = new KeycloakUsers(stack.config());
        await().atMost(Flows.SETUP).until(() -> keycloak.requiredActions(member.id()).contains("CONFIGURE_TOTP"));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(console + "/organizations/" + org);
            ConsolePages.keycloakLogin(page, member.email(), member.password());
            // Keycloak's enrolment: the key as text (what a person types into their authenticator app), then a code
            page.getByText("Unable to scan?").click();
            byte[] secret = Totp.fromBase32(page.locator("#kc-totp-secret-key").textContent());
            shot(page, "totp-enrolment");
            page.locator("#totp").fill(Totp.code(secret, 0));
            page.locator("#userLabel").fill("Test phone");
            page.locator("#saveTOTPBtn").click();
            page.waitForURL(console + "/organizations/" + org);
            assertEquals(List.of(), keycloak.requiredActions(member.id()));
            // Keycloak counts the enrolling sign-in as password-only: the organization still asks for the code
            assertThat(page.locator("h1")).hasText("Sign in with your authenticator");
            shot(page, "second-factor-needed");

            page.locator("main a.button").click(); // "Sign in again"
            ConsolePages.keycloakLogin(page, member.email(), member.password());
            page.locator("#otp").fill(Totp.code(secret, 1)); // the next step's code: the one used to enrol is spent
            shot(page, "totp-sign-in");
            page.locator("#kc-login").click();
            // past the code callback (?code=...): only then does the session cookie hold the new tokens (the page
            // restored after it may keep the post-logout redirect's own query)
            page.waitForURL(Pattern.compile(Pattern.quote(console) + "/organizations(?!.*[?&]code=).*"));
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator("h1")).hasText("System test");
            assertThat(page.locator("main")).not().containsText("two-factor");
        }
    }

    private static void signIn(Page page, TestUsers.User user) {
        ConsolePages.signIn(page, console, user);
    }

    /** Creates a sub-organization with the form on the parent's page and answers its id. */
    private static String createChild(Page page, String parent, String prefix, String displayName) {
        page.navigate(console + "/organizations/" + parent);
        page.locator("#child-name").fill(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        page.locator("#child-display").fill(displayName);
        page.getByText("Create sub-organization").click();
        page.waitForURL(Pattern.compile(".*/organizations/(?!" + parent + ")[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).hasText(displayName);
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    private static String parentOf(TestUsers.User owner, String organization) {
        return given().auth().oauth2(owner.token()).get(new Flows(stack).url("org-service") + "/api/v1/organizations/" + organization)
                .then().statusCode(200).extract().path("parentId");
    }

    private static void shot(Page page, String name) {
        ConsolePages.shot(page, name);
    }
}
