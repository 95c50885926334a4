package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Secrets;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.config.KeycloakConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/** Keycloak is called outside transactions: after the commit for suspension, before it for a rename. */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class KeycloakAfterCommitTest {

    @Inject
    Keycloak keycloak;

    @Inject
    KeycloakConfig config;

    @Inject
    AgroalDataSource dataSource;

    /** While set, Keycloak does not answer (503); otherwise the real client answers. */
    private final AtomicBoolean down = new AtomicBoolean();

    @BeforeEach
    void aKeycloakThatCanGoDown() {
        Keycloak real = ClientProxy.unwrap(keycloak);
        // anonymous, so not a bean of its own
        QuarkusMock.installMockForType(new Keycloak(null, null, config) {
            @Override
            public Uni<Void> rename(UUID userId, String name) {
                return down.get() ? outage() : real.rename(userId, name);
            }

            @Override
            public Uni<Void> setEnabled(UUID userId, boolean enabled) {
                return down.get() ? outage() : real.setEnabled(userId, enabled);
            }
        }, Keycloak.class);
    }

    private static Uni<Void> outage() {
        return Uni.createFrom().failure(ProblemException.unavailable("keycloak"));
    }

    @Test
    void aSuspensionCommitsFirstAnswers503WhenKeycloakFailsAfterwardsAndTheSameRequestConverges() {
        TestUsers.User owner = TestUsers.create("commit-owner");
        TestUsers.User admin = TestUsers.create("commit-admin");
        TestUsers.User dev = TestUsers.create("commit-dev");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, admin, "ADMIN", "My Team");
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String suspension = "/api/v1/users/" + dev.id() + "/suspension";

        down.set(true);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("reason", "lost laptop")).post(suspension)
                .then().statusCode(503).contentType("application/problem+json").body("detail", containsString("same request"));
        // committed and enforced although Keycloak did not take it yet
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(false))
                .body("reason", equalTo("user is suspended"));
        assertTrue(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());

        down.set(false);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("reason", "lost laptop")).post(suspension)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertFalse(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());
        Fixture.KAFKA.await("memberships", r -> suspended(r, dev), Duration.ofSeconds(20));
        assertEquals(1, Fixture.KAFKA.countWithin("memberships", r -> suspended(r, dev), Duration.ofSeconds(2)),
                "the repeated request adds no second UserSuspended");

        given().auth().oauth2(admin.token()).delete(suspension).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertTrue(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());
    }

    @Test
    void anApiKeysScopesNarrowWhoItsOwnerMaySuspend() {
        TestUsers.User owner = TestUsers.create("scope-owner");
        TestUsers.User admin = TestUsers.create("scope-admin");
        TestUsers.User dev = TestUsers.create("scope-dev");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, admin, "ADMIN", "My Team");
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String suspension = "/api/v1/users/" + dev.id() + "/suspension";
        String readOnly = key(admin, org, "read");
        String managing = key(admin, org, "member:manage");

        given().header("X-API-Key", readOnly).contentType(ContentType.JSON).body(Map.of("reason", "x")).post(suspension)
                .then().statusCode(403);
        // sessions are the user's and platform operators' only; a key never acts as an operator
        given().header("X-API-Key", readOnly).get("/api/v1/users/" + dev.id() + "/sessions").then().statusCode(403);
        given().header("X-API-Key", managing).get("/api/v1/users/" + dev.id() + "/sessions").then().statusCode(403);
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(true));
        given().header("X-API-Key", managing).contentType(ContentType.JSON).body(Map.of("reason", "x")).post(suspension)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().header("X-API-Key", managing).delete(suspension).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aRenameKeycloakRefusesChangesNothing() {
        TestUsers.User user = TestUsers.create("rename-down");
        String etag = given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200).extract().header("ETag");
        String before = given().auth().oauth2(user.token()).get("/api/v1/users/me").then().extract().path("name");

        down.set(true);
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Grace Hopper", "timezone", "Europe/Paris")).patch("/api/v1/users/me").then().statusCode(503);
        given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200).header("ETag", etag)
                .body("name", equalTo(before)).body("timezone", nullValue());

        down.set(false);
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Grace Hopper")).patch("/api/v1/users/me").then().statusCode(200)
                .body("name", equalTo("Grace Hopper"));
        assertEquals("Hopper", Fixture.keycloakUser(user.id()).get("lastName").asText());
    }

    /** A key row as any replica would commit it: this instance's registry learns of it from the change feed. */
    private String key(TestUsers.User owner, UUID org, String scope) {
        String secret = Secrets.generate("opk_");
        new Database(dataSource).insertKey(owner, org, secret, scope, Instant.now().plus(Duration.ofDays(1)));
        return secret;
    }

    private static boolean suspended(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, TestUsers.User user) {
        return "UserSuspended".equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(user.id());
    }
}
