package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.Secrets;
import dev.orgplatform.user.apikey.ApiKey;
import dev.orgplatform.user.apikey.service.ApiKeyRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Verification of API keys from memory: expiry, revocation and rotation hold at once. */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class ApiKeyVerificationTest {

    @Inject
    ApiKeyRegistry registry;

    @Test
    void anExpiredKeyIsRefusedTheMomentItExpires() {
        TestUsers.User owner = TestUsers.create("key-expiry");
        String secret = Secrets.generate("opk_");
        Instant now = Instant.now();
        registry.put(key(owner, secret, now.plus(Duration.ofDays(1))));

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
    void aRotatedKeysOldSecretAndARevokedKeyStopWorkingAtOnce() {
        TestUsers.User owner = TestUsers.create("key-rotation");
        String oldSecret = Secrets.generate("opk_");
        ApiKey key = key(owner, oldSecret, Instant.now().plus(Duration.ofDays(30)));
        registry.put(key);
        given().header("X-API-Key", oldSecret).when().get("/api/v1/users/me/audit").then().statusCode(200);

        String newSecret = Secrets.generate("opk_");
        key.secretHash = Secrets.hash(newSecret);
        registry.put(key);
        given().header("X-API-Key", oldSecret).when().get("/api/v1/users/me/audit").then().statusCode(401);
        given().header("X-API-Key", newSecret).when().get("/api/v1/users/me/audit").then().statusCode(200);

        registry.remove(key.id);
        given().header("X-API-Key", newSecret).when().get("/api/v1/users/me/audit").then().statusCode(401);
        // the uses counted in memory are written back on the flush schedule, as ApiKeyUsed
        Fixture.KAFKA.await("apikeys", r -> "ApiKeyUsed".equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(key.id.toString()), Duration.ofSeconds(30));
    }

    @Test
    void onlyPlatformServicesMayVerifyAndOnlyByAWellFormedHash() {
        given().auth().oauth2(TestUsers.create("not-a-service").token()).contentType(ContentType.JSON)
                .body(Map.of("secretHash", Secrets.hash("opk_x"))).when().post("/api/v1/api-keys/verify").then().statusCode(403);
        given().auth().oauth2(TestUsers.serviceToken("org-service")).contentType(ContentType.JSON)
                .body(Map.of("secretHash", "opk_plain_secret")).when().post("/api/v1/api-keys/verify")
                .then().statusCode(400).body("errors[0].field", equalTo("secretHash"));
    }

    private static io.restassured.response.Response verify(String secret) {
        return given().auth().oauth2(TestUsers.serviceToken("org-service")).contentType(ContentType.JSON)
                .body(Map.of("secretHash", Secrets.hash(secret))).when().post("/api/v1/api-keys/verify");
    }

    private static ApiKey key(TestUsers.User owner, String secret, Instant expiresAt) {
        ApiKey k = new ApiKey();
        k.id = UUID.randomUUID();
        k.organizationId = UUID.randomUUID();
        k.userId = UUID.fromString(owner.id());
        k.name = "test";
        k.displayPrefix = secret.substring(0, 10);
        k.secretHash = Secrets.hash(secret);
        k.scopes = new String[] { "read" };
        k.reservationId = UUID.randomUUID();
        k.createdAt = Instant.now();
        k.expiresAt = expiresAt;
        return k;
    }
}
