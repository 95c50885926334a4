package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.deploy.testing.KeycloakUsers;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.deploy.testing.Totp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class TwoFactorTest {

    private static final String SECRET = "12345678901234567890";

    @Test
    void anOrganizationEnforcing2faDeniesUntilTheTokenShowsASecondFactorAndMakesTheOthersEnrol() throws Exception {
        TestUsers.User owner = TestUsers.create("mfa-owner");
        String email = "mfa-member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String memberId = importUserWithTotp(email, "pw-" + email);
        TestUsers.User plain = TestUsers.create("mfa-plain");
        UUID root = Fixture.organization(owner);
        UUID child = Fixture.child(root, owner);
        Fixture.KAFKA.publish("invitations", child, UUID.randomUUID().toString(), "InvitationAccepted", "/invitation-service",
                Fixture.write(Map.of("invitationId", UUID.randomUUID(), "organizationId", child, "userId", memberId, "email", email,
                        "name", "Mfa Member", "role", "DEVELOPER", "teams", List.of("My Team"))));
        Fixture.awaitRole(memberId, child, "DEVELOPER");
        Fixture.member(child, plain, "VIEWER", "My Team");

        String withOtp = totpToken(email);
        List<String> amr = Fixture.JSON.convertValue(KeycloakUsers.claims(withOtp).get("amr"), List.class);
        assertTrue(amr.contains("otp"), "a password+TOTP login shows otp in amr: " + amr);

        plain.token(); // logged in before enforcement (afterwards Keycloak first makes them enrol)
        // the root enforces 2FA: the child inherits it
        Fixture.publishOrg(root, "OrganizationSettingsChanged", Map.of("organizationId", root,
                "security", Map.of("enforce2fa", true, "ipAllowlist", List.of())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixture.check(Map.of("userId", memberId,
                "organizationId", child, "permission", "product:read", "secondFactor", false)).then()
                .body("allowed", equalTo(false)).body("reason", containsString("two-factor")).body("role", equalTo("DEVELOPER")));
        Fixture.check(Map.of("userId", memberId, "organizationId", child, "permission", "product:read", "secondFactor", true))
                .then().body("allowed", equalTo(true));
        // through user-service's own API: the token decides
        // (an enrolled user cannot even log in without the code: Keycloak asks it in every flow)
        given().auth().oauth2(plain.token()).get("/api/v1/organizations/" + child + "/members").then().statusCode(403);
        given().auth().oauth2(withOtp).get("/api/v1/organizations/" + child + "/members").then().statusCode(200);
        // members without an OTP credential must enrol at their next login; the enrolled one is left alone
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(requiredActions(plain.id()).contains("CONFIGURE_TOTP")));
        assertTrue(requiredActions(owner.id()).contains("CONFIGURE_TOTP"));
        assertEquals(List.of(), requiredActions(memberId));

        Fixture.publishOrg(root, "OrganizationSettingsChanged", Map.of("organizationId", root,
                "security", Map.of("enforce2fa", false, "ipAllowlist", List.of())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixture.check(Map.of("userId", memberId,
                "organizationId", child, "permission", "product:read", "secondFactor", false)).then().body("allowed", equalTo(true)));
        given().auth().oauth2(plain.token()).get("/api/v1/organizations/" + child + "/members").then().statusCode(200);
    }

    private static List<String> requiredActions(String userId) {
        JsonNode actions = Fixture.keycloakUser(userId).get("requiredActions");
        return actions == null ? List.of() : Fixture.JSON.convertValue(actions, List.class);
    }

    /** A user with a password and a known TOTP secret, through Keycloak's partial import. */
    private static String importUserWithTotp(String email, String password) {
        Map<String, Object> otp = Map.of("type", "otp", "userLabel", "seeded",
                "secretData", Fixture.write(Map.of("value", SECRET)),
                "credentialData", Fixture.write(Map.of("subType", "totp", "digits", 6, "period", 30, "algorithm", "HmacSHA1",
                        "counter", 0)));
        Map<String, Object> user = Map.of("username", email, "email", email, "enabled", true, "emailVerified", true,
                "firstName", "Mfa", "lastName", "Member", "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false), otp));
        assertEquals(200, Fixture.adminPost("/partialImport", Map.of("ifResourceExists", "FAIL", "users", List.of(user))));
        return Fixture.adminGet("/users?exact=true&email=" + email).get(0).get("id").asText();
    }

    private static String totpToken(String email) throws Exception {
        return given().formParams(Map.of("grant_type", "password", "client_id", KeycloakUsers.CLI_CLIENT, "username", email,
                "password", "pw-" + email, "scope", "openid", "totp", Totp.code(SECRET.getBytes(), 0)))
                .post(TestUsers.stack().realmUrl() + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
