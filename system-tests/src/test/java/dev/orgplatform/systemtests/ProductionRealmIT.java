package dev.orgplatform.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KeycloakUsers;

/**
 * The production realm (deploy/k8s/base/keycloak/realm) imported into the build's Keycloak under a name of its own, its
 * {@code ${ENV}} placeholders filled as Keycloak fills them from the environment: it must refuse what only the dev
 * realm allows (password grants, self-registration) and give each service account exactly its rights.
 */
class ProductionRealmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CONSOLE = "https://console.example.com";

    private static StackConfig cfg;
    private static KeycloakUsers keycloak;
    private static String realm;
    private static String realmUrl;
    private static final Map<String, String> ENV = new HashMap<>();

    @BeforeAll
    static void importTheProductionRealm() throws Exception {
        LocalStack stack = LocalStack.of(StackProfile.TEST);
        stack.ensureInfra();
        cfg = stack.config();
        keycloak = new KeycloakUsers(cfg);
        String file = Files.readString(realmFile());
        Matcher m = PLACEHOLDER.matcher(file);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = ENV.computeIfAbsent(m.group(1), name -> name.equals("CONSOLE_URL") ? CONSOLE : UUID.randomUUID().toString());
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        JsonNode representation = JSON.readTree(filled.toString());
        realm = "org-platform-production-" + UUID.randomUUID().toString().substring(0, 8);
        ((com.fasterxml.jackson.databind.node.ObjectNode) representation).put("realm", realm);
        HttpResponse<String> made = admin("POST", "/admin/realms", JSON.writeValueAsString(representation));
        assertEquals(201, made.statusCode(), "the production realm imports: " + made.body());
        realmUrl = cfg.keycloakUrl() + "/realms/" + realm;
    }

    @AfterAll
    static void dropIt() throws Exception {
        if (realm != null) {
            admin("DELETE", "/admin/realms/" + realm, null);
        }
    }

    @Test
    void everySecretComesFromTheEnvironmentTheDeploymentGivesKeycloak() throws IOException {
        Set<String> expected = new TreeSet<>(Set.of("ORG_SERVICE_CLIENT_SECRET", "USER_SERVICE_CLIENT_SECRET",
                "INVITATION_SERVICE_CLIENT_SECRET", "BILLING_SERVICE_CLIENT_SECRET", "PAYMENT_SYSTEM_CLIENT_SECRET",
                "CONSOLE_CLIENT_SECRET", "CONSOLE_URL"));
        assertEquals(expected, new TreeSet<>(ENV.keySet()));
        JsonNode r = JSON.readTree(Files.readString(realmFile()));
        for (JsonNode client : r.get("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                assertTrue(client.path("secret").asText().matches("\\$\\{\\w+}"), client.get("clientId") + "'s secret is a placeholder");
            }
        }
        String realmImport = Files.readString(cfg.repoRoot().resolve("deploy/k8s/base/keycloak/realm-import.yaml"));
        for (String name : expected) {
            assertTrue(realmImport.contains("\"" + name + "\": {"), "deploy/k8s/base/keycloak/realm-import.yaml fills " + name + " from a Secret");
        }
    }

    @Test
    void theRealmHasBruteForceProtectionShortTokensAndNoPeople() throws Exception {
        JsonNode r = JSON.readTree(admin("GET", "/admin/realms/" + realm, null).body());
        assertTrue(r.get("bruteForceProtected").asBoolean());
        assertFalse(r.get("registrationAllowed").asBoolean());
        assertTrue(r.get("accessTokenLifespan").asInt() <= 300, "access tokens live at most 5 minutes");
        List<String> users = new ArrayList<>();
        JSON.readTree(admin("GET", "/admin/realms/" + realm + "/users?briefRepresentation=true&max=100", null).body())
                .forEach(u -> users.add(u.get("username").asText()));
        assertTrue(users.stream().allMatch(u -> u.startsWith("service-account-")), "only service accounts: " + users);
    }

    @Test
    void thePublicCliClientRefusesThePasswordGrantAndOffersTheDeviceGrant() throws Exception {
        String email = "prod-realm-" + UUID.randomUUID() + "@example.com";
        String password = "a-long-password-" + UUID.randomUUID();
        Map<String, Object> user = Map.of("username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Prod", "lastName", "Realm",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        assertEquals(201, admin("POST", "/admin/realms/" + realm + "/users", JSON.writeValueAsString(user)).statusCode());

        HttpResponse<String> grant = form(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", KeycloakUsers.CLI_CLIENT, "username", email, "password", password));
        assertEquals(400, grant.statusCode(), grant.body());
        assertEquals("unauthorized_client", JSON.readTree(grant.body()).get("error").asText());

        HttpResponse<String> device = form(realmUrl + "/protocol/openid-connect/auth/device", Map.of("client_id", KeycloakUsers.CLI_CLIENT));
        assertEquals(200, device.statusCode(), device.body());
        assertTrue(JSON.readTree(device.body()).hasNonNull("user_code"));
    }

    @Test
    void nobodyRegistersThemselves() throws Exception {
        String query = "?client_id=org-platform-console&response_type=code&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=";
        // the dev realm, for contrast: the same request shows the registration form
        HttpResponse<String> dev = browse(cfg.realmUrl() + "/protocol/openid-connect/registrations" + query
                + URLEncoder.encode(cfg.consoleUrl() + "/x", StandardCharsets.UTF_8));
        assertTrue(dev.body().contains("kc-register-form"), "the dev realm offers registration");
        HttpResponse<String> production = browse(realmUrl + "/protocol/openid-connect/registrations" + query
                + URLEncoder.encode(CONSOLE + "/x", StandardCharsets.UTF_8));
        assertFalse(production.body().contains("kc-register-form"), "the production realm offers no registration form");
        assertEquals(400, production.statusCode());
        assertTrue(production.body().contains("Registration not allowed"), production.body());
    }

    @Test
    void eachServiceAccountHoldsExactlyItsRightsWithTheSecretFromTheEnvironment() throws Exception {
        Map<String, String> secrets = Map.of("org-service", "ORG_SERVICE_CLIENT_SECRET", "user-service", "USER_SERVICE_CLIENT_SECRET",
                "invitation-service", "INVITATION_SERVICE_CLIENT_SECRET", "billing-service", "BILLING_SERVICE_CLIENT_SECRET",
                "payment-system", "PAYMENT_SYSTEM_CLIENT_SECRET");
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            HttpResponse<String> devSecret = form(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                    "client_id", e.getKey(), "client_secret", e.getKey() + "-secret"));
            assertEquals(401, devSecret.statusCode(), e.getKey() + " does not take the dev realm's secret");
            HttpResponse<String> token = form(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                    "client_id", e.getKey(), "client_secret", ENV.get(e.getValue())));
            assertEquals(200, token.statusCode(), token.body());
            JsonNode claims = KeycloakUsers.claims(JSON.readTree(token.body()).get("access_token").asText());
            Set<String> rights = new TreeSet<>();
            claims.path("realm_access").path("roles").forEach(role -> {
                if (role.asText().startsWith("service:")) {
                    rights.add(role.asText());
                }
            });
            assertEquals(new TreeSet<>(TenantIsolationIT.SERVICE_RIGHTS.get(e.getKey())), rights, e.getKey() + "'s rights");
            assertTrue(JSON.readTree(token.body()).get("expires_in").asInt() <= 300);
        }
    }

    private static Path realmFile() {
        return LocalStack.of(StackProfile.TEST).config().repoRoot().resolve("deploy/k8s/base/keycloak/realm/org-platform-realm.json");
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cfg.keycloakUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET following redirects within Keycloak, sending its cookies back (they are Secure even over http). */
    private static HttpResponse<String> browse(String url) throws Exception {
        Map<String, String> cookies = new HashMap<>();
        HttpResponse<String> r = null;
        for (int hop = 0; hop < 5; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
            r = HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            String location = r.headers().firstValue("Location").orElse(null);
            if (r.statusCode() / 100 != 3 || location == null || !location.startsWith(cfg.keycloakUrl())) {
                return r;
            }
            url = location;
        }
        return r;
    }
}
