package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.KeycloakUsers;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Organizations, members and checks for user-service's tests, made the way the platform makes them: by events. */
final class Fixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final KafkaEvents KAFKA = new KafkaEvents(TestUsers.stack().kafkaBootstrap());
    static final KeycloakUsers KEYCLOAK = KeycloakUsers.of(StackProfile.TEST);

    private Fixture() {
    }

    /** A top-level organization owned by {@code owner}, as org-service announces it; returns once the check knows it. */
    static UUID organization(TestUsers.User owner) {
        UUID org = UUID.randomUUID();
        publishOrg(org, "OrganizationCreated", Map.of("organizationId", org, "name", "o-" + org, "rootId", org, "depth", 1,
                "ownerId", owner.id(), "ownerEmail", owner.email()));
        awaitRole(owner.id(), org, "OWNER");
        return org;
    }

    /** A sub-organization under {@code parent} (no membership of its own: roles inherit). */
    static UUID child(UUID parent, TestUsers.User creator) {
        UUID org = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>(Map.of("organizationId", org, "name", "c-" + org, "parentId", parent,
                "ownerId", creator.id(), "ownerEmail", creator.email()));
        publishOrg(org, "OrganizationCreated", data);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(creator.id(), org, "organization:read").then()
                .body("reason", not(equalTo("organization does not exist or is unavailable"))));
        return org;
    }

    /** {@code user} accepted an invitation with {@code role} into {@code teams}. */
    static void member(UUID org, TestUsers.User user, String role, String... teams) {
        KAFKA.publish("invitations", org, UUID.randomUUID().toString(), "InvitationAccepted", "/invitation-service",
                write(Map.of("invitationId", UUID.randomUUID(), "organizationId", org, "userId", user.id(), "email", user.email(),
                        "name", "Invited", "role", role, "teams", List.of(teams))));
        awaitRole(user.id(), org, role);
    }

    static void publishOrg(UUID org, String type, Map<String, ?> data) {
        KAFKA.publish("organizations", org, UUID.randomUUID().toString(), type, "/org-service", write(data));
    }

    static void awaitRole(String userId, UUID org, String role) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(userId, org, "organization:read").then().statusCode(200)
                .body("role", equalTo(role)));
    }

    static Response check(String userId, UUID org, String permission) {
        return check(Map.of("userId", userId, "organizationId", org.toString(), "permission", permission));
    }

    static Response check(Map<String, ?> query) {
        return given().auth().oauth2(serviceToken()).contentType(ContentType.JSON).body(query)
                .when().post("/api/v1/authorization/check");
    }

    /** A platform service's token (invitation-service's). */
    static String serviceToken() {
        return TestUsers.serviceToken("invitation-service");
    }

    /** The user as Keycloak's admin API shows it. */
    static JsonNode keycloakUser(String userId) {
        return adminGet("/users/" + userId);
    }

    static JsonNode adminGet(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(adminUrl() + path))
                    .header("Authorization", "Bearer " + KEYCLOAK.adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int adminPost(String path, Object body) {
        return adminSend("POST", path, body);
    }

    static int adminPut(String path, Object body) {
        return adminSend("PUT", path, body);
    }

    private static int adminSend(String method, String path, Object body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(adminUrl() + path))
                    .header("Authorization", "Bearer " + KEYCLOAK.adminToken()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body))).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String adminUrl() {
        return TestUsers.stack().keycloakUrl() + "/admin/realms/" + TestUsers.stack().realm();
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
