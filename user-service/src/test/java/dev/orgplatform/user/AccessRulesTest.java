package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import io.agroal.api.AgroalDataSource;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.Secrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An organization's IP allowlist and maximum session length, held on every request that acts in it: the client
 * address as this machine's trusted proxy forwards it (IPv4 and IPv6), a login's age from its Keycloak session.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class AccessRulesTest {

    @Inject
    AgroalDataSource dataSource;

    private Database db;

    @BeforeEach
    void database() {
        db = new Database(dataSource);
    }

    @AfterEach
    void realTime() {
        QuarkusMock.installMockForType(new PlatformClock(), PlatformClock.class);
    }

    @Test
    void requestsFromOutsideTheAllowlistAreRefusedNamingTheRuleTokensAndKeysAlike() {
        TestUsers.User owner = TestUsers.create("allowlist-owner");
        TestUsers.User dev = TestUsers.create("allowlist-dev");
        UUID root = Fixture.organization(owner);
        UUID child = Fixture.child(root, owner);
        Fixture.member(child, dev, "DEVELOPER", "My Team");
        String members = "/api/v1/organizations/" + child + "/members";
        given().auth().oauth2(dev.token()).header("X-Forwarded-For", "198.51.100.7").get(members).then().statusCode(200);

        Fixture.publishOrg(root, "OrganizationSettingsChanged", Map.of("organizationId", root,
                "security", Map.of("enforce2fa", false, "ipAllowlist", List.of("203.0.113.0/24", "2001:db8::/32"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(dev.token())
                .header("X-Forwarded-For", "198.51.100.7").get(members).then().statusCode(403)
                .contentType("application/problem+json").body("rule", equalTo("ipAllowlist"))
                .body("detail", containsString("198.51.100.7")));
        given().auth().oauth2(dev.token()).header("X-Forwarded-For", "203.0.113.9").get(members).then().statusCode(200);
        given().auth().oauth2(dev.token()).header("X-Forwarded-For", "2001:db8::42").get(members).then().statusCode(200);
        given().auth().oauth2(dev.token()).header("Forwarded", "for=\"[2001:db8::42]:4711\"").get(members).then().statusCode(200);
        given().auth().oauth2(dev.token()).header("X-Forwarded-For", "2001:db9::1").get(members).then().statusCode(403);
        // this machine (the test's own address, a trusted proxy) is outside the list when it forwards for nobody
        given().auth().oauth2(dev.token()).get(members).then().statusCode(403).body("rule", equalTo("ipAllowlist"));

        // an API key obeys the allowlist too
        String secret = Secrets.generate("opk_");
        db.insertKey(dev, child, secret, "read", Instant.now().plus(Duration.ofDays(1)));
        given().header("X-API-Key", secret).header("X-Forwarded-For", "203.0.113.10").get(members).then().statusCode(200);
        given().header("X-API-Key", secret).header("X-Forwarded-For", "198.51.100.7").get(members).then().statusCode(403)
                .body("rule", equalTo("ipAllowlist"));

        Fixture.publishOrg(root, "OrganizationSettingsChanged", Map.of("organizationId", root,
                "security", Map.of("enforce2fa", false, "ipAllowlist", List.of())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(dev.token())
                .header("X-Forwarded-For", "198.51.100.7").get(members).then().statusCode(200));
    }

    @Test
    void aLoginOlderThanTheCapIsRefusedThoughItsTokenIsStillValidAndAKeyIsNot() {
        TestUsers.User owner = TestUsers.create("session-owner");
        TestUsers.User dev = TestUsers.create("session-dev");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String members = "/api/v1/organizations/" + org + "/members";
        String token = dev.token(); // a password grant: no auth_time, its Keycloak session dates it
        String secret = Secrets.generate("opk_");
        db.insertKey(dev, org, secret, "read", Instant.now().plus(Duration.ofDays(1)));

        Fixture.publishOrg(org, "OrganizationSettingsChanged", Map.of("organizationId", org,
                "security", Map.of("enforce2fa", false, "ipAllowlist", List.of(), "maxSessionMinutes", 30)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixture.check(Map.of("userId", dev.id(), "organizationId", org,
                "permission", "member:read", "authTime", Instant.now().minus(Duration.ofMinutes(31)).getEpochSecond())).then()
                .body("allowed", equalTo(false)).body("reason", containsString("maxSessionMinutes")));
        given().auth().oauth2(token).get(members).then().statusCode(200);

        Instant later = Instant.now().plus(Duration.ofMinutes(31));
        QuarkusMock.installMockForType(new PlatformClock() {
            @Override
            public Instant now() {
                return later;
            }
        }, PlatformClock.class);
        // 31 minutes after the login by user-service's clock; the token itself is checked by its own expiry (still valid)
        given().auth().oauth2(token).get(members).then().statusCode(403).body("rule", equalTo("maxSessionMinutes"))
                .body("title", equalTo("Sign in again"));
        given().header("X-API-Key", secret).get(members).then().statusCode(200);
    }
}
