package dev.orgplatform.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.OrgPlatformCli;
import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.testing.TestDns;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * The command line against the packaged services: a device login approved in a real browser, each command's happy
 * path with its JSON parsed back, its refusals with their exit codes, and a bulk invite with bad lines.
 */
class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERIFICATION = Pattern.compile("\\(or open (\\S+)\\)");
    private static LocalStack stack;
    private static Flows flows;
    private static Chromium chromium;

    /** One CLI run: its exit code and what it printed. */
    record Run(int code, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\n" + err, e);
            }
        }
    }

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aDeviceLoginApprovedInTheBrowserIsKeptPrivateRefreshedSilentlyAndRevokedOnLogout() throws Exception {
        Path home = configDir();
        TestUsers.User ada = TestUsers.create("cli-ada");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> OrgPlatformCli.commandLine()
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute("login", "--no-browser", "--config-dir", home.toString()));
        String url = awaitVerificationUrl(err);
        assertTrue(err.toString().contains("enter the code"), err.toString());

        Page page = browser().newPage();
        try {
            page.navigate(url);
            ConsolePages.keycloakLogin(page, ada.email(), ada.password());
            // Keycloak may ask to grant the device access (consent), then says the device login succeeded
            String seen = awaitPage(page, "success", "grant");
            if (!seen.contains("success")) {
                page.locator("#kc-login").click();
                awaitPage(page, "success");
            }
        } finally {
            page.close();
        }
        assertEquals(ExitCode.OK, login.get(60, TimeUnit.SECONDS), out + "\n" + err);
        Path session = home.resolve("session.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));

        assertEquals(ada.email(), cli(home, "whoami", "--output", "json").json().path("email").asText());

        // the access token expired: the next command refreshes it without asking anyone
        ObjectNode stored = (ObjectNode) JSON.readTree(session.toFile());
        String firstAccess = stored.path("accessToken").asText();
        String refreshToken = stored.path("refreshToken").asText();
        stored.put("accessExpiresAt", Instant.now().getEpochSecond() - 1);
        JSON.writeValue(session.toFile(), stored);
        assertEquals(ada.email(), cli(home, "whoami", "--output", "json").json().path("email").asText());
        assertNotEquals(firstAccess, JSON.readTree(session.toFile()).path("accessToken").asText(), "a new access token was stored");

        Run logout = cli(home, "logout");
        assertEquals(ExitCode.OK, logout.code(), logout.err());
        assertTrue(Files.notExists(session));
        assertEquals(ExitCode.NOT_SIGNED_IN, cli(home, "whoami").code());
        // revoked at Keycloak, not only forgotten here
        HttpResponse<String> reuse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.config().realmUrl()
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=org-platform-cli&refresh_token=" + refreshToken))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, reuse.statusCode(), reuse.body());
        Figures.line("cli: device login approved in Chromium, token refreshed silently, refresh token revoked on logout");
    }

    @Test
    void organizationsTeamsInvitationsKeysLimitsAndAuditFromTheCommandLine() throws Exception {
        TestUsers.User owner = TestUsers.create("cli-owner");
        Path home = signedIn(owner);
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);

        Run created = cli(home, "organizations", "create", "--name", name, "--display-name", "CLI Corp", "--region", "EU");
        assertEquals(ExitCode.OK, created.code(), created.err());
        assertTrue(created.out().lines().findFirst().orElse("").startsWith("ID"), "a table: " + created.out());
        assertTrue(created.out().contains(name));
        String org = cli(home, "organizations", "search", "--name", name, "--output", "json").json().path("items").get(0).path("id").asText();
        ok(cli(home, "organizations", "use", org));
        assertEquals(name, ok(cli(home, "organizations", "show", "--output", "json")).json().path("name").asText());
        assertTrue(ok(cli(home, "organizations", "list", "--output", "json")).json().path("items").toString().contains(org));
        assertTrue(ok(cli(home, "whoami")).out().contains(org), "whoami names the default organization");

        // a tree (sub-organizations come with Pro), and a move with its dry run
        assertEquals("PRO", ok(cli(home, "plan", "set", "PRO", "-o", "json")).json().path("plan").asText());
        String a = ok(cli(home, "organizations", "create", "--parent", org, "--name", name + "-a", "--display-name", "A", "-o", "json"))
                .json().path("id").asText();
        String b = ok(cli(home, "organizations", "create", "--parent", org, "--name", name + "-b", "--display-name", "B", "-o", "json"))
                .json().path("id").asText();
        Run dry = ok(cli(home, "organizations", "move", b, "--to", a, "--dry-run"));
        assertTrue(dry.out().startsWith("Would move 1 organization(s) under " + a), dry.out());
        assertEquals(org, ok(cli(home, "organizations", "show", b, "-o", "json")).json().path("parentId").asText(), "a dry run moves nothing");
        Run moved = ok(cli(home, "organizations", "move", b, "--to", a));
        assertTrue(moved.err().contains("moving 1 organization(s)"), moved.err());
        assertEquals(a, ok(cli(home, "organizations", "show", b, "-o", "json")).json().path("parentId").asText());

        ok(cli(home, "teams", "create", "--name", "Firmware"));
        assertTrue(ok(cli(home, "teams", "list")).out().contains("Firmware"));

        // one invitation, resent and revoked
        JsonNode invited = ok(cli(home, "users", "invite", "--email", "one-" + name + "@example.com", "--name", "One Person", "--role",
                "DEVELOPER", "--team", "Firmware", "-o", "json")).json();
        assertEquals("PENDING", invited.path("state").asText());
        assertTrue(ok(cli(home, "invitations", "list", "--state", "PENDING", "-o", "json")).json().path("items").toString()
                .contains(invited.path("id").asText()));
        ok(cli(home, "invitations", "resend", invited.path("id").asText()));
        assertEquals("REVOKED", ok(cli(home, "invitations", "revoke", invited.path("id").asText(), "-o", "json")).json().path("state").asText());

        // a member: role, suspension, removal
        TestUsers.User dev = flows.member(owner, org, "DEVELOPER");
        assertEquals("VIEWER", ok(cli(home, "users", "update-role", "--user", dev.id(), "--role", "VIEWER", "-o", "json")).json()
                .path("role").asText());
        JsonNode suspension = ok(cli(home, "users", "suspend", "--user", dev.id(), "--reason", "audit", "-o", "json")).json();
        assertEquals(dev.id(), suspension.path("userId").asText());
        assertEquals("audit", suspension.path("reason").asText());
        ok(cli(home, "users", "reactivate", "--user", dev.id()));
        // moved within the tree with a role there, then removed there
        JsonNode transferred = ok(cli(home, "members", "transfer", dev.id(), "--to", a, "--role", "OPERATOR", "-o", "json")).json();
        assertEquals(a, transferred.path("organizationId").asText(), transferred.toString());
        assertEquals("OPERATOR", transferred.path("role").asText());
        assertTrue(!ok(cli(home, "members", "list", "-o", "json")).json().path("items").toString().contains(dev.id()));
        Run outOfTree = cli(home, "members", "transfer", "--organization", a, dev.id(), "--to", UUID.randomUUID().toString(), "--role", "VIEWER");
        assertEquals(ExitCode.NOT_FOUND, outOfTree.code(), outOfTree.err());
        ok(cli(home, "users", "remove", "--user", dev.id(), "--organization", a));
        assertTrue(!ok(cli(home, "members", "list", "--organization", a, "-o", "json")).json().path("items").toString().contains(dev.id()));
        assertTrue(ok(cli(home, "users", "sessions", "list")).out().startsWith("SESSION"));

        // an API key for a pipeline: it works instead of the sign-in until revoked
        JsonNode key = ok(cli(home, "api-keys", "create", "--name", "CI/CD Pipeline", "--expires-in", "90d", "--scopes", "read,write", "-o", "json"))
                .json();
        String secret = key.path("secret").asText();
        assertTrue(secret.startsWith("opk_"));
        Path pipeline = configDir();
        assertEquals(name, ok(cli(pipeline, "organizations", "show", org, "--api-key", secret, "-o", "json")).json().path("name").asText());
        assertTrue(ok(cli(home, "api-keys", "list")).out().contains("CI/CD Pipeline"));
        ok(cli(home, "api-keys", "revoke", key.path("id").asText()));
        TimeUnit.SECONDS.sleep(1); // other services remember a valid key for at most 0.5 s
        assertEquals(ExitCode.NOT_SIGNED_IN, cli(pipeline, "organizations", "show", org, "--api-key", secret).code());

        // SSO: a domain claimed and verified through the tests' DNS, a connection, the sign-in policy
        TestDns dns = TestDns.start();
        JsonNode claimed = ok(cli(home, "sso", "domains", "claim", name + ".test", "-o", "json")).json();
        Run notYet = cli(home, "sso", "domains", "verify", claimed.path("id").asText());
        assertEquals(ExitCode.CONFLICT, notYet.code(), notYet.out());
        assertTrue(notYet.out().contains(claimed.path("recordValue").asText()), notYet.out());
        dns.putTxt(claimed.path("recordName").asText(), claimed.path("recordValue").asText());
        assertTrue(ok(cli(home, "sso", "domains", "verify", claimed.path("id").asText())).out().contains("is verified"));
        ok(cli(home, "sso", "connections", "create", "--oidc", "--name", "CLI login", "--domain", name + ".test", "--issuer",
                TestUsers.stack().realmUrl(), "--client-id", "cli-broker", "--client-secret", "s3cret", "--default-role", "DEVELOPER"));
        assertTrue(ok(cli(home, "sso", "connections", "list")).out().contains("CLI login"));
        Run ssoOnly = cli(home, "sso", "policy", "--set", "SSO_ONLY");
        assertEquals(ExitCode.CONFLICT, ssoOnly.code(), "the CLI's password session would be shut out: " + ssoOnly.err());
        assertTrue(ok(cli(home, "sso", "policy")).out().contains("PASSWORD_AND_SSO"));

        // limits and plan (Pro since the tree was built; a plan without sub-organizations is refused while they exist)
        assertEquals("PRO", ok(cli(home, "limits", "show", "-o", "json")).json().path("plan").asText());
        Run free = cli(home, "plan", "set", "FREE");
        assertEquals(ExitCode.CONFLICT, free.code(), free.err());
        assertTrue(free.err().contains("does not include subOrganizations"), free.err());
        JsonNode limits = ok(cli(home, "limits", "set", "users", "12", "-o", "json")).json();
        assertEquals(12, limits.at("/resources").findParents("resource").stream().filter(r -> r.path("resource").asText().equals("users"))
                .findFirst().orElseThrow().path("limit").asInt());
        assertEquals("PRO", ok(cli(home, "plan", "set", "PRO", "-o", "json")).json().path("plan").asText());
        JsonNode reset = ok(cli(home, "limits", "set", "users", "default", "-o", "json")).json();
        assertEquals(200, reset.at("/resources").findParents("resource").stream().filter(r -> r.path("resource").asText().equals("users"))
                .findFirst().orElseThrow().path("limit").asInt(), "back to the Pro plan's");

        JsonNode audit = ok(cli(home, "audit-logs", "list", "--user", owner.id(), "--from", java.time.LocalDate.now().minusDays(1).toString(),
                "--to", java.time.LocalDate.now().toString(), "-o", "json")).json();
        assertTrue(audit.path("items").size() > 0, audit.toString());

        // deletion: the wrong name refused naming the field, then scheduled and restored
        Run wrong = cli(home, "organizations", "delete", b, "--confirm", "nope");
        assertEquals(ExitCode.INVALID_INPUT, wrong.code());
        assertTrue(wrong.err().contains("confirm:"), wrong.err());
        ok(cli(home, "organizations", "delete", b, "--confirm", name + "-b"));
        assertEquals("ACTIVE", ok(cli(home, "organizations", "restore", b, "-o", "json")).json().path("state").asText());
    }

    @Test
    void refusalsHaveTheirOwnExitCodesAndSayWhy() throws Exception {
        TestUsers.User owner = TestUsers.create("cli-refused-owner");
        TestUsers.User stranger = TestUsers.create("cli-stranger");
        Path home = signedIn(owner);
        String org = flows.organization(owner);
        TestUsers.User viewer = flows.member(owner, org, "VIEWER");

        Run invalid = cli(home, "organizations", "create", "--name", "Not A Slug", "--display-name", "X");
        assertEquals(ExitCode.INVALID_INPUT, invalid.code());
        assertTrue(invalid.err().contains("name: must be a slug"), invalid.err());
        assertEquals(ExitCode.INVALID_INPUT, cli(home, "organizations", "create", "--display-name", "no name").code(), "picocli: a missing option");

        Run notAllowed = cli(signedIn(viewer), "limits", "show", "--organization", org);
        assertEquals(ExitCode.NOT_ALLOWED, notAllowed.code(), notAllowed.err());
        assertTrue(notAllowed.err().startsWith("error: "), notAllowed.err());

        Run otherTenant = cli(signedIn(stranger), "organizations", "show", org);
        assertEquals(ExitCode.NOT_FOUND, otherTenant.code(), otherTenant.err());

        Run down = cli(home, "organizations", "show", org, "--service-url", "org-service=http://127.0.0.1:1");
        assertEquals(ExitCode.UNAVAILABLE, down.code());
        assertTrue(down.err().contains("org-service at http://127.0.0.1:1 cannot be reached"), down.err());

        Run conflict = cli(home, "users", "remove", "--organization", org, "--user", owner.id());
        assertEquals(ExitCode.CONFLICT, conflict.code(), conflict.err());

        assertEquals(ExitCode.NOT_SIGNED_IN, cli(configDir(), "organizations", "list").code());
        assertEquals(ExitCode.NOT_ALLOWED, cli(home, "users", "sessions", "list", "--user", viewer.id()).code(), "another person's sessions");
        Path viewers = signedIn(viewer);
        assertEquals(ExitCode.OK, cli(viewers, "users", "sessions", "revoke", "--all").code(), "one's own");
        assertEquals(ExitCode.INVALID_INPUT, cli(viewers, "users", "sessions", "revoke").code(), "neither --session nor --all");

        // the config file: an address set there is used (and shown)
        Path moved = configDir();
        ok(cli(moved, "config", "set", "org-service-url", "http://127.0.0.1:1"));
        assertEquals("http://127.0.0.1:1", ok(cli(moved, "config", "show", "-o", "json")).json().path("org-service-url").asText());
        assertEquals(ExitCode.UNAVAILABLE, cli(moved, "organizations", "list", "--api-key", "opk_whatever").code());
        assertEquals(ExitCode.INVALID_INPUT, cli(moved, "config", "set", "no-such-key", "x").code());
        Run help = cli(home, "users", "invite", "--help");
        assertEquals(ExitCode.OK, help.code());
        assertTrue(help.out().contains("Example:"), help.out());
    }

    @Test
    void aBulkInviteGoesOnPastBadLinesAndSumsUp() throws Exception {
        TestUsers.User owner = TestUsers.create("cli-bulk-owner");
        Path home = signedIn(owner);
        String org = flows.organization(owner);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("people", ".csv");
        Files.writeString(csv, String.join("\n", "email,name,role,teams",
                "a-" + tag + "@example.com,Ana,DEVELOPER,My Team",
                "not-an-email,Bad Email,DEVELOPER,",
                "b-" + tag + "@example.com,Ben,VIEWER,",
                "c-" + tag + "@example.com,Cy,OWNER,",
                "only-two-cells,Dee",
                "d-" + tag + "@example.com,Dora,MANAGER,My Team;Firmware", ""));

        Run bulk = cli(home, "users", "invite", "--organization", org, "--csv", csv.toString());
        assertEquals(ExitCode.PARTIAL, bulk.code(), bulk.out() + bulk.err());
        assertTrue(bulk.out().startsWith("2 invited, 4 failed"), bulk.out());
        assertTrue(bulk.out().contains("line 3: Invalid request") && bulk.out().contains("email: must be a well-formed email address"), bulk.out());
        assertTrue(bulk.out().contains("line 5: ") && bulk.out().contains("role: must be one of"), bulk.out());
        assertTrue(bulk.out().contains("line 6: expected email,name,role"), bulk.out());
        assertTrue(bulk.out().contains("line 7: ") && bulk.out().contains("is not a team of this organization"), bulk.out());
        assertTrue(bulk.err().contains("[6/6]"), "progress per line: " + bulk.err());

        JsonNode pending = ok(cli(home, "invitations", "list", "--organization", org, "--state", "PENDING", "-o", "json")).json();
        assertEquals(2, pending.path("items").size(), pending.toString());
        Run again = cli(home, "users", "invite", "--organization", org, "--csv", csv.toString(), "-o", "json");
        List<Boolean> ok = new ArrayList<>();
        again.json().forEach(r -> ok.add(r.path("ok").asBoolean()));
        assertEquals(6, ok.size(), "one result per line: " + again.out());
    }

    @Test
    void brandingAndNotificationsFromTheCommandLine() throws Exception {
        TestUsers.User owner = TestUsers.create("cli-brand-owner");
        Path home = signedIn(owner);
        String org = flows.organization(owner);

        ok(cli(home, "branding", "set", "--organization", org, "--color", "#0a5cff", "--mail-name", "Acme Support"));
        ok(cli(home, "branding", "set", "--organization", org, "--color", "#00aa55")); // the name stays
        JsonNode shown = ok(cli(home, "branding", "show", "--organization", org, "-o", "json")).json();
        assertEquals("#00aa55", shown.path("effective").path("primaryColor").asText(), shown.toString());
        assertEquals("Acme Support", shown.path("effective").path("mailDisplayName").asText(), shown.toString());
        Path logo = Files.createTempFile("logo", ".png");
        Path small = Files.createTempFile("small", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(800, 500, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", logo.toFile());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", small.toFile());
        ok(cli(home, "branding", "logo", logo.toString(), "--organization", org));
        shown = ok(cli(home, "branding", "show", "--organization", org, "-o", "json")).json();
        assertEquals(800, shown.path("effective").path("logo").path("width").asInt(), shown.toString());
        assertTrue(ok(cli(home, "branding", "show", "--organization", org)).out().contains("image/png"));
        Run tooSmall = cli(home, "branding", "logo", small.toString(), "--organization", org);
        assertEquals(ExitCode.INVALID_INPUT, tooSmall.code(), tooSmall.out() + tooSmall.err());
        assertTrue((tooSmall.out() + tooSmall.err()).contains("300×300"), tooSmall.out() + tooSmall.err());
        Run notAnImage = cli(home, "branding", "logo", home.resolve("config.json").toString(), "--organization", org);
        assertEquals(ExitCode.INVALID_INPUT, notAnImage.code(), notAnImage.err());
        ok(cli(home, "branding", "remove-logo", "--organization", org));
        assertTrue(ok(cli(home, "branding", "show", "--organization", org, "-o", "json")).json().path("effective").path("logo").isNull());

        ok(cli(home, "notifications", "channels", "deployments", "email,in_app"));
        JsonNode preferences = ok(cli(home, "notifications", "preferences", "-o", "json")).json();
        assertEquals(2, preferences.path("channels").path("DEPLOYMENTS").size(), preferences.toString());
        Run sms = cli(home, "notifications", "channels", "SECURITY", "email,sms");
        assertEquals(ExitCode.INVALID_INPUT, sms.code(), sms.out() + sms.err());
        assertTrue((sms.out() + sms.err()).contains("phone"), sms.out() + sms.err());
        Http.Answer news = Http.post(flows.url("user-service") + "/api/v1/organizations/" + org + "/notifications", Http.bearer(owner.token()),
                "{\"category\":\"DEPLOYMENTS\",\"title\":\"CLI news\",\"body\":\"live\",\"roles\":[\"OWNER\"]}");
        assertEquals(200, news.status(), news::toString);
        await().atMost(Duration.ofSeconds(30)).until(() -> ok(cli(home, "notifications", "list", "--unread", "-o", "json")).json()
                .path("items").toString().contains("CLI news"));
        assertTrue(ok(cli(home, "notifications", "list")).out().contains("CLI news"));
        ok(cli(home, "notifications", "read", "--all"));
        assertEquals(0, ok(cli(home, "notifications", "list", "--unread", "-o", "json")).json().path("items").size());
    }

    @Test
    void teamsAreRenamedFilledEmptiedAndDeletedAndOwnershipHandedOverFromTheCommandLine() throws Exception {
        TestUsers.User owner = TestUsers.create("cli-teams-owner");
        Path home = signedIn(owner);
        String org = flows.organization(owner);
        TestUsers.User member = flows.member(owner, org, "DEVELOPER");

        JsonNode team = ok(cli(home, "teams", "create", "--organization", org, "--name", "Firmware", "-o", "json")).json();
        String id = team.path("id").asText();
        assertEquals("Platform", ok(cli(home, "teams", "rename", id, "--name", "Platform", "--organization", org, "-o", "json")).json()
                .path("name").asText());
        ok(cli(home, "teams", "add-member", id, member.id(), "--team-role", "TEAM_ADMIN", "--organization", org));
        JsonNode members = ok(cli(home, "teams", "members", id, "--organization", org, "-o", "json")).json();
        assertEquals(member.id(), members.path(0).path("userId").asText(), members.toString());
        assertEquals("TEAM_ADMIN", members.path(0).path("teamRole").asText(), members.toString());
        Run wrongRole = cli(home, "teams", "add-member", id, member.id(), "--team-role", "CAPTAIN", "--organization", org);
        assertEquals(ExitCode.INVALID_INPUT, wrongRole.code(), wrongRole.out() + wrongRole.err());
        ok(cli(home, "teams", "remove-member", id, member.id(), "--organization", org));
        assertEquals(0, ok(cli(home, "teams", "members", id, "--organization", org, "-o", "json")).json().size());
        ok(cli(home, "teams", "delete", id, "--organization", org));
        assertEquals(ExitCode.NOT_FOUND, cli(home, "teams", "members", id, "--organization", org).code());

        Run handedOver = ok(cli(home, "organizations", "transfer-ownership", "--to", member.id(), "--organization", org));
        assertTrue(handedOver.out().contains("you are an Admin there now"), handedOver.out());
        await().atMost(Duration.ofSeconds(30)).until(() -> "OWNER".equals(flows.role(org, member.id())));
        assertEquals("ADMIN", flows.role(org, owner.id()));
    }

    @Test
    void settingsAndProductRightsFromTheCommandLine() throws Exception {
        TestUsers.User owner = TestUsers.create("cli-settings-owner");
        Path home = signedIn(owner);
        String org = flows.organization(owner);
        TestUsers.User member = flows.member(owner, org, "DEVELOPER");

        ok(cli(home, "settings", "set", "--organization", org, "--max-session-minutes", "480", "--api-key-max-lifetime-days", "30",
                "--billing-contact-email", "billing@acme.test"));
        ok(cli(home, "settings", "set", "--organization", org, "--api-key-max-lifetime-days", "")); // cleared, the rest stays
        JsonNode own = ok(cli(home, "settings", "show", "--organization", org, "-o", "json")).json();
        assertEquals(480, own.path("security").path("maxSessionMinutes").asInt(), own.toString());
        assertTrue(own.path("security").path("apiKeyMaxLifetimeDays").isNull(), own.toString());
        assertEquals("billing@acme.test", own.path("billingContactEmail").asText(), own.toString());
        JsonNode effective = ok(cli(home, "settings", "effective", "--organization", org, "-o", "json")).json();
        assertEquals(org, effective.path("setBy").path("maxSessionMinutes").path(0).asText(), effective.toString());
        assertTrue(ok(cli(home, "settings", "effective", "--organization", org)).out().contains("480"));
        Run lockout = cli(home, "settings", "set", "--organization", org, "--ip-allowlist", "203.0.113.0/24");
        assertEquals(ExitCode.CONFLICT, lockout.code(), lockout.out() + lockout.err());
        Run notANumber = cli(home, "settings", "set", "--organization", org, "--max-session-minutes", "long");
        assertEquals(ExitCode.INVALID_INPUT, notANumber.code(), notANumber.out() + notANumber.err());
        assertTrue((notANumber.out() + notANumber.err()).contains("maxSessionMinutes"), notANumber.out() + notANumber.err());

        ok(cli(home, "members", "grant", member.id(), "--product", "thermostat-x", "--permissions", "device:read,device:write",
                "--organization", org));
        JsonNode products = ok(cli(home, "members", "products", member.id(), "--organization", org, "-o", "json")).json();
        assertEquals("thermostat-x", products.path(0).path("productId").asText(), products.toString());
        assertEquals(2, products.path(0).path("permissions").size(), products.toString());
        Run unknown = cli(home, "members", "grant", member.id(), "--product", "thermostat-x", "--permissions", "device:fly",
                "--organization", org);
        assertEquals(ExitCode.INVALID_INPUT, unknown.code(), unknown.out() + unknown.err());
        ok(cli(home, "members", "revoke-product", member.id(), "--product", "thermostat-x", "--organization", org));
        assertEquals(0, ok(cli(home, "members", "products", member.id(), "--organization", org, "-o", "json")).json().size());
    }

    private static Run ok(Run r) {
        assertEquals(ExitCode.OK, r.code(), "exit " + r.code() + ": " + r.err() + "\n" + r.out());
        return r;
    }

    private static Run cli(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config-dir", home.toString()));
        int code = OrgPlatformCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** A config directory pointing at the test stack. */
    private static Path configDir() throws Exception {
        Path home = Files.createTempDirectory("orgplatform-cli");
        StackConfig cfg = stack.config();
        ObjectNode config = JSON.createObjectNode().put("keycloak-url", cfg.keycloakUrl());
        for (String service : StackConfig.SERVICES) {
            config.put(service + "-url", Suite.url(stack, service));
        }
        JSON.writeValue(home.resolve("config.json").toFile(), config);
        return home;
    }

    /** A config directory with {@code user} signed in (a password-grant token stands in for the device login here). */
    private static Path signedIn(TestUsers.User user) throws Exception {
        Path home = configDir();
        JSON.writeValue(home.resolve("session.json").toFile(), JSON.createObjectNode().put("accessToken", user.token())
                .put("refreshToken", "not-used-while-the-access-token-lives").put("accessExpiresAt", Instant.now().getEpochSecond() + 240));
        return home;
    }

    private static String awaitVerificationUrl(StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = VERIFICATION.matcher(err.toString());
            if (m.find()) {
                return m.group(1);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("login printed no verification address: " + err);
    }

    /** The page's text once it holds one of {@code words} (lower case), within 20 s. */
    private static String awaitPage(Page page, String... words) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            try {
                text = page.content().toLowerCase();
            } catch (RuntimeException navigating) {
                text = "";
            }
            for (String w : words) {
                if (text.contains(w)) {
                    return text;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the page never said any of " + List.of(words) + ": " + text);
    }

    private static Browser browser() {
        if (chromium == null) {
            chromium = Chromium.launch(); // only the device login needs a browser
        }
        return chromium.browser();
    }
}
