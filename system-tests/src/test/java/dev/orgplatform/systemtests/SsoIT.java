package dev.orgplatform.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.Concurrently;
import dev.orgplatform.deploy.testing.KeycloakUsers;
import dev.orgplatform.deploy.testing.TestDns;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * SSO per organization with real parts: a second Keycloak realm plays the customer's OIDC identity provider, the
 * tests' own DNS server holds the domain's TXT record, Chromium signs in on Keycloak's identity-first page.
 */
class SsoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static Flows flows;
    private static StackConfig cfg;
    private static KeycloakUsers keycloak;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
        cfg = StackConfig.of(StackProfile.TEST);
        keycloak = KeycloakUsers.of(StackProfile.TEST);
    }

    @Test
    void anOidcSignInOfAVerifiedDomainMakesAJustInTimeMemberAndTheSignInPolicyHolds() throws Exception {
        TestUsers.User owner = TestUsers.create("sso-owner");
        String org = flows.organization(owner);
        String otherOrg = flows.organization(owner);
        String users = flows.url("user-service") + "/api/v1/organizations/" + org;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String domain = "acme-" + suffix + ".test";

        // a domain is claimed, fails verification without its TXT record, and is verified once DNS has it
        Http.Answer claimed = Http.post(users + "/domains", Http.bearer(owner.token()), "{\"domain\":\"" + domain.toUpperCase() + "\"}");
        assertEquals(201, claimed.status(), claimed::toString);
        JsonNode claim = JSON.readTree(claimed.body());
        assertEquals(domain, claim.get("domain").asText());
        assertEquals("_orgplatform-verification." + domain, claim.get("recordName").asText());
        String domainUrl = users + "/domains/" + claim.get("id").asText();
        TestDns dns = TestDns.start();
        JsonNode failed = JSON.readTree(Http.post(domainUrl + "/verify", Http.bearer(owner.token()), null).body());
        assertEquals("FAILED", failed.get("state").asText(), failed::toString);
        assertTrue(failed.get("checkFailure").asText().contains(claim.get("recordValue").asText()), failed::toString);
        dns.putTxt(claim.get("recordName").asText(), "v=spf1 -all", claim.get("recordValue").asText());
        JsonNode verified = JSON.readTree(Http.post(domainUrl + "/verify", Http.bearer(owner.token()), null).body());
        assertEquals("VERIFIED", verified.get("state").asText(), verified::toString);
        // one verified owner per domain: another tenant's claim is refused
        TestUsers.User stranger = TestUsers.create("sso-stranger");
        String strangersOrg = flows.organization(stranger);
        assertEquals(409, Http.post(flows.url("user-service") + "/api/v1/organizations/" + strangersOrg + "/domains",
                Http.bearer(stranger.token()), "{\"domain\":\"" + domain + "\"}").status());

        // the customer's identity provider: a realm of its own with a client for the platform and a person
        String idpRealm = "acme-idp-" + suffix;
        String idpPassword = UUID.randomUUID().toString();
        identityProviderRealm(idpRealm, "alice@" + domain, idpPassword);
        Http.Answer made = Http.post(users + "/sso-connections", Http.bearer(owner.token()), JSON.writeValueAsString(Map.of(
                "protocol", "OIDC", "displayName", "Acme login", "domain", domain, "issuer", cfg.keycloakUrl() + "/realms/" + idpRealm,
                "clientId", "org-platform", "clientSecret", "broker-secret-" + suffix, "defaultRole", "ADMIN")));
        assertEquals(201, made.status(), made::toString);
        JsonNode connection = JSON.readTree(made.body());
        assertTrue(!made.body().contains("broker-secret-"), "the secret is never answered back: " + made.body());
        assertEquals("IN_STEP", connection.get("keycloak").asText(), made::toString);
        assertTrue(connection.get("routesLogins").asBoolean(), made::toString);
        String alias = connection.get("identityProvider").asText();

        long seatsBefore = flows.usedSeats(owner, org);
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext()) {
            String console = Suite.url(stack, StackConfig.CONSOLE);
            // the Owner sees the domain and the connection with their state in the console
            try (BrowserContext ownerContext = chromium.browser().newContext()) {
                Page ownerPage = ownerContext.newPage();
                ConsolePages.signIn(ownerPage, console, owner);
                ownerPage.navigate(console + "/organizations/" + org + "/sso");
                assertThat(ownerPage.locator("tr[data-domain='" + domain + "']")).containsText("VERIFIED");
                assertThat(ownerPage.locator("tr[data-connection='" + connection.get("id").asText() + "']")).containsText("IN_STEP");
                assertThat(ownerPage.locator("tr[data-connection='" + connection.get("id").asText() + "']")).containsText("ADMIN");
                assertThat(ownerPage.locator("#policy-title")).containsText("PASSWORD_AND_SSO");
                ConsolePages.shot(ownerPage, "sso-owner-page");
            }
            Page page = context.newPage();
            // identity-first: the email alone, then the customer's own login page, then back in the console
            page.navigate(console + "/organizations");
            page.locator("#username").fill("alice@" + domain);
            ConsolePages.shot(page, "sso-identity-first");
            page.locator("#kc-login").click();
            page.waitForURL(Pattern.compile(".*/realms/" + idpRealm + "/.*"));
            ConsolePages.shot(page, "sso-customer-login");
            page.locator("#username").fill("alice");
            page.locator("#password").fill(idpPassword);
            page.locator("#kc-login").click();
            try {
                page.waitForURL(Pattern.compile(Pattern.quote(console) + "/organizations.*"));
            } finally {
                ConsolePages.shot(page, "sso-back-in-console");
            }

            String aliceId = userId("alice@" + domain);
            await().atMost(Duration.ofSeconds(20)).until(() -> "ADMIN".equals(flows.role(org, aliceId)));
            page.navigate(console + "/organizations/" + org);
            assertThat(page.locator("h1")).isVisible();
            ConsolePages.shot(page, "sso-member");

            // the same sign-in reported again, twice at once: still one membership, one seat
            String aliceToken = tokenOfSignedInBrowser(page);
            assertEquals(alias, KeycloakUsers.claims(aliceToken).get("identity_provider").asText());
            List<Http.Answer> again = Concurrently.run(2, i -> Http.post(flows.url("user-service") + "/api/v1/users/me/sso-admissions",
                    Http.bearer(aliceToken), null));
            for (Http.Answer a : again) {
                assertEquals(200, a.status(), a::toString);
                assertTrue(a.body().contains("\"joinedNow\":false"), a::toString);
            }
            assertEquals(1, flows.members(org).stream().filter(m -> aliceId.equals(m.get("userId"))).count());
            await().atMost(Duration.ofSeconds(10)).until(() -> flows.usedSeats(owner, org) == seatsBefore + 1);

            // SSO only: refused to its author's password session unless confirmed; then passwords are refused here only
            String policy = users + "/sign-in-policy";
            Http.Answer shutOut = Http.send("PUT", policy, Http.bearer(owner.token()), "{\"policy\":\"SSO_ONLY\"}");
            assertEquals(409, shutOut.status(), shutOut::toString);
            assertEquals(200, Http.send("PUT", policy + "?confirm=lockout", Http.bearer(owner.token()), "{\"policy\":\"SSO_ONLY\"}").status());
            Http.Answer refused = Http.get(users + "/members", Http.bearer(owner.token()));
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.body().contains("\"rule\":\"signInPolicy\""), refused::toString);
            assertEquals(200, Http.get(flows.url("org-service") + "/api/v1/organizations/" + org, Http.bearer(aliceToken)).status());
            assertEquals(200, Http.get(flows.url("org-service") + "/api/v1/organizations/" + otherOrg, Http.bearer(owner.token())).status(),
                    "a password sign-in still works in another organization");

            // the last connection cannot go while only SSO is admitted; allowed passwords again, it goes, and the sessions
            // it started are refused here at once
            String connectionUrl = users + "/sso-connections/" + connection.get("id").asText();
            assertEquals(409, Http.delete(connectionUrl, Http.bearer(aliceToken)).status());
            assertEquals(200, Http.send("PUT", policy, Http.bearer(aliceToken), "{\"policy\":\"PASSWORD_AND_SSO\"}").status());
            assertEquals(200, Http.get(users + "/members", Http.bearer(owner.token())).status());
            assertEquals(204, Http.delete(connectionUrl, Http.bearer(owner.token())).status());
            Http.Answer ended = Http.get(flows.url("org-service") + "/api/v1/organizations/" + org, Http.bearer(aliceToken));
            assertEquals(403, ended.status(), ended::toString);
            assertTrue(ended.body().contains("deleted"), ended::toString);
            await().atMost(Duration.ofSeconds(15)).until(() -> keycloakStatus("/identity-provider/instances/" + alias) == 404);
        }
        // every change is in the audit log
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            String audit = Http.get(users + "/audit?limit=100", Http.bearer(owner.token())).body();
            return audit.contains("DomainVerified") && audit.contains("SsoConnectionCreated") && audit.contains("SsoConnectionDeleted")
                    && audit.contains("SignInPolicyChanged") && audit.contains("MemberJoinedThroughSso");
        });
    }

    /** The customer's metadata document pasted in (an OIDC connection above is read from a URL, as SAML's can be). */
    @Test
    void aSamlSignInJoinsOnlyWhileASeatIsFree() throws Exception {
        TestUsers.User owner = TestUsers.create("saml-owner");
        String org = flows.organization(owner);
        String users = flows.url("user-service") + "/api/v1/organizations/" + org;
        String billing = flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String domain = "globex-" + suffix + ".test";
        String email = "bob@" + domain;
        verifiedDomain(owner, users, domain);
        setUsersLimit(owner, billing, 1); // the Owner's own seat: none left

        String idpRealm = "globex-idp-" + suffix;
        String idpPassword = UUID.randomUUID().toString();
        samlIdentityProviderRealm(idpRealm, email, idpPassword);
        Http.Answer made = Http.post(users + "/sso-connections", Http.bearer(owner.token()), JSON.writeValueAsString(Map.of(
                "protocol", "SAML", "displayName", "Globex SAML", "domain", domain,
                "metadataXml", Http.get(cfg.keycloakUrl() + "/realms/" + idpRealm + "/protocol/saml/descriptor", Map.of()).body(),
                "emailAttribute", "email", "firstNameAttribute", "firstName", "lastNameAttribute", "lastName", "defaultRole", "DEVELOPER")));
        assertEquals(201, made.status(), made::toString);
        assertEquals("IN_STEP", JSON.readTree(made.body()).get("keycloak").asText(), made::toString);

        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            String console = Suite.url(stack, StackConfig.CONSOLE);
            page.navigate(console + "/organizations");
            page.locator("#username").fill(email);
            page.locator("#kc-login").click();
            page.waitForURL(Pattern.compile(".*/realms/" + idpRealm + "/.*"));
            page.locator("#username").fill("bob");
            page.locator("#password").fill(idpPassword);
            page.locator("#kc-login").click();
            try {
                page.waitForURL(Pattern.compile(Pattern.quote(console) + "/organizations.*"));
            } finally {
                ConsolePages.shot(page, "sso-saml-back-in-console");
            }
            // the console says at once why the sign-in made no member
            assertThat(page.locator("h1")).containsText("did not join");
            assertThat(page.locator("p.alert")).containsText("every user seat of the organization is taken");
            String bobToken = tokenOfSignedInBrowser(page);
            assertEquals("Bob", KeycloakUsers.claims(bobToken).path("given_name").asText(), "the name came through the SAML attributes");
            String bobId = KeycloakUsers.claims(bobToken).get("sub").asText();

            // no seat: a clear refusal, no membership
            Http.Answer full = Http.post(flows.url("user-service") + "/api/v1/users/me/sso-admissions", Http.bearer(bobToken), null);
            assertEquals(409, full.status(), full::toString);
            assertTrue(full.body().contains("No seat left") && full.body().contains(email), full::toString);
            assertEquals(null, flows.role(org, bobId));

            // a seat freed up: the same sign-in joins, with the connection's role
            setUsersLimit(owner, billing, 5);
            Http.Answer joined = Http.post(flows.url("user-service") + "/api/v1/users/me/sso-admissions", Http.bearer(bobToken), null);
            assertEquals(200, joined.status(), joined::toString);
            assertTrue(joined.body().contains("\"joinedNow\":true"), joined::toString);
            assertEquals("DEVELOPER", flows.role(org, bobId));
        }
    }

    private static void verifiedDomain(TestUsers.User owner, String users, String domain) throws Exception {
        JsonNode claim = JSON.readTree(Http.post(users + "/domains", Http.bearer(owner.token()), "{\"domain\":\"" + domain + "\"}").body());
        TestDns.start().putTxt(claim.get("recordName").asText(), claim.get("recordValue").asText());
        JsonNode verified = JSON.readTree(Http.post(users + "/domains/" + claim.get("id").asText() + "/verify", Http.bearer(owner.token()), null)
                .body());
        assertEquals("VERIFIED", verified.get("state").asText(), verified::toString);
    }

    private static void setUsersLimit(TestUsers.User owner, String limits, int limit) {
        var current = io.restassured.RestAssured.given().auth().oauth2(owner.token()).get(limits);
        io.restassured.RestAssured.given().auth().oauth2(owner.token()).header("If-Match", current.header("ETag"))
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("limit", limit)).when().put(limits + "/users")
                .then().statusCode(200);
    }

    /** A realm that is a SAML 2.0 identity provider for the platform realm's broker, sending email and names. */
    private static void samlIdentityProviderRealm(String realm, String email, String password) throws Exception {
        List<Map<String, Object>> mappers = List.of("email", "firstName", "lastName").stream().map(a -> Map.<String, Object>of(
                "name", a, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", a, "attribute.name", a, "attribute.nameformat", "Basic"))).toList();
        Map<String, Object> client = Map.of("clientId", cfg.realmUrl(), "protocol", "saml", "enabled", true,
                "redirectUris", List.of(cfg.realmUrl() + "/broker/*"), "frontchannelLogout", true,
                "attributes", Map.of("saml.client.signature", "false", "saml_name_id_format", "email", "saml.force.name.id.format", "true",
                        "saml.authnstatement", "true", "saml.server.signature", "true"),
                "protocolMappers", mappers);
        Map<String, Object> rep = Map.of("realm", realm, "enabled", true, "clients", List.of(client),
                "users", List.of(Map.of("username", "bob", "email", email, "emailVerified", true, "enabled", true,
                        "firstName", "Bob", "lastName", "Globex",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))));
        Http.Answer created = Http.post(cfg.keycloakUrl() + "/admin/realms", Http.bearer(keycloak.adminToken()), JSON.writeValueAsString(rep));
        assertEquals(201, created.status(), created::toString);
    }

    /** A realm with a confidential client for the platform's broker endpoint and one person. */
    private static void identityProviderRealm(String realm, String email, String password) throws Exception {
        String suffix = realm.substring(realm.lastIndexOf('-') + 1);
        Map<String, Object> rep = Map.of("realm", realm, "enabled", true,
                "clients", List.of(Map.of("clientId", "org-platform", "secret", "broker-secret-" + suffix, "publicClient", false,
                        "redirectUris", List.of(cfg.realmUrl() + "/broker/*"), "standardFlowEnabled", true)),
                "users", List.of(Map.of("username", "alice", "email", email, "emailVerified", true, "enabled", true,
                        "firstName", "Alice", "lastName", "Acme",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))));
        Http.Answer created = Http.post(cfg.keycloakUrl() + "/admin/realms", Http.bearer(keycloak.adminToken()), JSON.writeValueAsString(rep));
        assertEquals(201, created.status(), created::toString);
    }

    private static String userId(String email) throws Exception {
        Http.Answer found = Http.get(cfg.keycloakUrl() + "/admin/realms/" + cfg.realm() + "/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), Http.bearer(keycloak.adminToken()));
        JsonNode list = JSON.readTree(found.body());
        assertEquals(1, list.size(), found::toString);
        return list.get(0).get("id").asText();
    }

    private static int keycloakStatus(String path) {
        return Http.get(cfg.keycloakUrl() + "/admin/realms/" + cfg.realm() + path, Http.bearer(keycloak.adminToken())).status();
    }

    /** A CLI token of the browser's Keycloak session (no login page: the session is there), by the code flow. */
    private static String tokenOfSignedInBrowser(Page page) throws Exception {
        AtomicReference<String> code = new AtomicReference<>();
        com.sun.net.httpserver.HttpServer callback = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/sso-callback", exchange -> {
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                if (pair.startsWith("code=")) {
                    code.set(URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        callback.start();
        String redirect = "http://127.0.0.1:" + callback.getAddress().getPort() + "/sso-callback";
        try {
            page.navigate(cfg.realmUrl() + "/protocol/openid-connect/auth?client_id=" + KeycloakUsers.CLI_CLIENT
                    + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        } finally {
            callback.stop(0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> code.get() != null);
        String form = "grant_type=authorization_code&client_id=" + KeycloakUsers.CLI_CLIENT + "&code="
                + URLEncoder.encode(code.get(), StandardCharsets.UTF_8) + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(cfg.realmUrl() + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(answer.body()).path("access_token").asText(null);
        assertNotNull(token, answer.body());
        return token;
    }
}
