package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.Secrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Verification of API keys from memory, kept in step with the database by the change feed: a key row committed by
 * any replica (here written straight into the database, bypassing this instance) works here at once; its rotation,
 * revocation and its organization's deletion hold within a second; expiry holds the moment it passes.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class ApiKeyVerificationTest {

    private static final Logger LOG = Logger.getLogger(ApiKeyVerificationTest.class);
    private static final Duration AGREEMENT = Duration.ofSeconds(1);

    @Inject
    AgroalDataSource dataSource;

    private Database db;

    @BeforeEach
    void database() {
        db = new Database(dataSource);
    }

    @Test
    void anExpiredKeyIsRefusedTheMomentItExpires() {
        TestUsers.User owner = TestUsers.create("key-expiry");
        UUID org = Fixture.organization(owner);
        String secret = Secrets.generate("opk_");
        Instant now = Instant.now();
        db.insertKey(owner, org, secret, "read", now.plus(Duration.ofDays(1)));

        given().header("X-API-Key", secret).when().get("/api/v1/users/me/audit").then().statusCode(200);
        verify(secret).then().statusCode(200).body("userId", equalTo(owner.id()));

        QuarkusMock.installMockForType(new PlatformClock() {
            @Override
            public Instant now() {
                return now.plus(Duration.ofDays(1)).plusSeconds(1);
            }
        }, PlatformClock.class);
        given().header("X-API-Key", secret).when().get("/api/v1/users/me/audit").then().statusCode(401);
        verify(secret).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aKeyFromAnotherReplicaWorksAtOnceAndItsRotationAndRevocationHoldWithinASecond() {
        TestUsers.User owner = TestUsers.create("key-rotation");
        UUID org = Fixture.organization(owner);
        String oldSecret = Secrets.generate("opk_");
        UUID key = db.insertKey(owner, org, oldSecret, "read", Instant.now().plus(Duration.ofDays(30)));
        // no waiting: an unknown key is looked up again after a fresh poll of the change feed
        verify(oldSecret).then().statusCode(200).body("keyId", equalTo(key.toString()));
        given().header("X-API-Key", oldSecret).when().get("/api/v1/users/me/audit").then().statusCode(200);

        String newSecret = Secrets.generate("opk_");
        db.execute("update api_key set secret_hash = ?, display_prefix = ?, version = version + 1 where id = ?",
                Secrets.hash(newSecret), newSecret.substring(0, 10), key);
        verify(newSecret).then().statusCode(200);
        long rotated = untilRefused(oldSecret);

        db.execute("update api_key set revoked_at = now(), version = version + 1 where id = ?", key);
        long revoked = untilRefused(newSecret);
        given().header("X-API-Key", newSecret).when().get("/api/v1/users/me/audit").then().statusCode(401);
        LOG.infof("AGREEMENT: a key committed elsewhere verified at once; its old secret refused %d ms after the rotation "
                + "committed, the key %d ms after its revocation committed", rotated, revoked);

        // the uses counted in memory are written back on the flush schedule: added to the count, and as ApiKeyUsed
        Fixture.KAFKA.await("apikeys", r -> "ApiKeyUsed".equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(key.toString()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryLong("select use_count from api_key where id = ?", key) >= 3);
    }

    @Test
    void theKeysOfAnOrganizationPendingDeletionStopWorkingAndComeBackOnRestore() {
        TestUsers.User owner = TestUsers.create("key-deletion");
        UUID org = Fixture.organization(owner);
        String secret = Secrets.generate("opk_");
        db.insertKey(owner, org, secret, "read", Instant.now().plus(Duration.ofDays(30)));
        verify(secret).then().statusCode(200);

        Fixture.publishOrg(org, "OrganizationDeletionScheduled", Map.of("organizationId", org, "purgeAfter", "2030-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> verify(secret).then().statusCode(404));
        Fixture.publishOrg(org, "OrganizationRestored", Map.of("organizationId", org));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> verify(secret).then().statusCode(200));
    }

    @Test
    void onlyPlatformServicesMayVerifyAndOnlyByAWellFormedHash() {
        given().auth().oauth2(TestUsers.create("not-a-service").token()).contentType(ContentType.JSON)
                .body(Map.of("secretHash", Secrets.hash("opk_x"))).when().post("/api/v1/api-keys/verify").then().statusCode(403);
        given().auth().oauth2(TestUsers.serviceToken("org-service")).contentType(ContentType.JSON)
                .body(Map.of("secretHash", "opk_plain_secret")).when().post("/api/v1/api-keys/verify")
                .then().statusCode(400).body("errors[0].field", equalTo("secretHash"));
    }

    @Test
    void removingAMemberRevokesTheirKeysThereWithAnEventNamingEachSeatAndNoKeyElsewhere() {
        TestUsers.User owner = TestUsers.create("key-removal-owner");
        UUID org = Fixture.organization(owner);
        UUID elsewhere = Fixture.organization(owner);
        TestUsers.User member = TestUsers.create("key-removal-member");
        Fixture.member(org, member, "DEVELOPER");
        Fixture.member(elsewhere, member, "DEVELOPER");
        String first = Secrets.generate("opk_"), second = Secrets.generate("opk_"), kept = Secrets.generate("opk_");
        UUID firstKey = db.insertKey(member, org, first, "read", Instant.now().plus(Duration.ofDays(30)));
        UUID secondKey = db.insertKey(member, org, second, "write", Instant.now().plus(Duration.ofDays(30)));
        db.insertKey(member, elsewhere, kept, "read", Instant.now().plus(Duration.ofDays(30)));
        verify(first).then().statusCode(200);

        given().auth().oauth2(owner.token()).when().delete("/api/v1/organizations/" + org + "/members/" + member.id())
                .then().statusCode(204);

        untilRefused(first);
        untilRefused(second);
        verify(kept).then().statusCode(200);
        for (UUID key : List.of(firstKey, secondKey)) {
            var revoked = Fixture.KAFKA.await("apikeys", r -> r.value().contains(key.toString())
                    && "ApiKeyRevoked".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(20));
            assertTrue(revoked.value().contains("\"reservationId\":\""
                    + db.reservationOf(key) + "\""), revoked.value());
        }
    }

    /** How many ms after now the key is refused (it must be within the agreement bound). */
    private static long untilRefused(String secret) {
        long since = System.nanoTime();
        await().atMost(AGREEMENT).pollInterval(Duration.ofMillis(10)).until(() -> verify(secret).statusCode() == 404);
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static Response verify(String secret) {
        return given().auth().oauth2(Fixture.serviceToken()).contentType(ContentType.JSON)
                .body(Map.of("secretHash", Secrets.hash(secret))).when().post("/api/v1/api-keys/verify");
    }
}
