package dev.orgplatform.deploy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Users and tokens in the stack's Keycloak realm, for tests. */
public final class KeycloakUsers {
    public static final String CLI_CLIENT = "org-platform-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackConfig cfg;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakUsers(StackConfig cfg) {
        this.cfg = cfg;
    }

    public static KeycloakUsers of(StackProfile profile) {
        return new KeycloakUsers(StackConfig.of(profile));
    }

    /** Creates an enabled user with a verified email (also its username) and password; returns its id. */
    public String createUser(String email, String password, String firstName, String lastName) {
        Map<String, Object> user = Map.of("username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", firstName, "lastName", lastName,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cfg.keycloakUrl() + "/admin/realms/" + cfg.realm() + "/users"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))).build());
        if (r.statusCode() != 201) throw new IllegalStateException("create user " + email + ": " + r.statusCode() + " " + r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Grants the user a realm role (made first when the realm, imported before the role existed, lacks it). */
    public void grantRealmRole(String userId, String role) {
        String realm = cfg.keycloakUrl() + "/admin/realms/" + cfg.realm();
        String admin = "Bearer " + adminToken();
        HttpResponse<String> made = send(HttpRequest.newBuilder(URI.create(realm + "/roles")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(Map.of("name", role))))
                .build());
        if (made.statusCode() != 201 && made.statusCode() != 409) {
            throw new IllegalStateException("create realm role " + role + ": " + made.statusCode() + " " + made.body());
        }
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(realm + "/roles/" + role)).header("Authorization", admin)
                .GET().build());
        if (found.statusCode() != 200) throw new IllegalStateException("read realm role " + role + ": " + found.statusCode());
        HttpResponse<String> granted = send(HttpRequest.newBuilder(URI.create(realm + "/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + found.body() + "]")).build());
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("grant " + role + " to " + userId + ": " + granted.statusCode() + " " + granted.body());
        }
    }

    /** The actions Keycloak makes the user take at their next sign-in (CONFIGURE_TOTP, ...). */
    public List<String> requiredActions(String userId) {
        List<String> actions = new ArrayList<>();
        user(userId).path("requiredActions").forEach(a -> actions.add(a.asText()));
        return actions;
    }

    /** The user as Keycloak's admin API shows them (firstName, lastName, enabled, ...). */
    public JsonNode user(String userId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cfg.keycloakUrl() + "/admin/realms/" + cfg.realm()
                + "/users/" + userId)).header("Authorization", "Bearer " + adminToken()).GET().build());
        if (r.statusCode() != 200) throw new IllegalStateException("read user " + userId + ": " + r.statusCode() + " " + r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token for the user by password grant on the public CLI client. */
    public String passwordToken(String username, String password) {
        return token(cfg.realmUrl(), Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    /** A service account's access token (client credentials grant). */
    public String clientToken(String clientId, String secret) {
        return token(cfg.realmUrl(), Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A master-realm admin token (lives 60 s; fetch one per call). */
    public String adminToken() {
        return token(cfg.keycloakUrl() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", cfg.keycloakAdminUser(), "password", cfg.keycloakAdminPassword()));
    }

    /** The payload of a JWT, unverified: for asserting on claims. */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private String token(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 200) throw new IllegalStateException("token request to " + realmUrl + ": " + r.statusCode() + " " + r.body());
        try {
            return JSON.readTree(r.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
