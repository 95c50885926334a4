package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class AuthorizationResourceTest {

    private static TestUsers.User owner;
    private static TestUsers.User stranger;
    private static UUID org;

    @BeforeEach
    void anOrganizationWithItsOwner() {
        if (org != null) {
            return; // made once for the class; RestAssured knows the test port only from here on
        }
        owner = TestUsers.create("authz-owner");
        stranger = TestUsers.create("authz-stranger");
        org = UUID.randomUUID();
        new KafkaEvents(TestUsers.stack().kafkaBootstrap()).publish("organizations", org, UUID.randomUUID().toString(),
                "OrganizationCreated", "/org-service", "{\"organizationId\":\"" + org + "\",\"ownerId\":\"" + owner.id()
                        + "\",\"ownerEmail\":\"" + owner.email() + "\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(owner.id(), org, "member:invite")
                .then().statusCode(200).body("allowed", equalTo(true)));
    }

    @Test
    void theOwnerMayAndAStrangerMayNot() {
        check(owner.id(), org, "organization:delete").then().statusCode(200)
                .body("allowed", equalTo(true)).body("reason", containsString("OWNER"));
        check(stranger.id(), org, "organization:read").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reason", equalTo("not a member"));
        check(owner.id(), UUID.randomUUID().toString(), "organization:read").then().statusCode(200)
                .body("allowed", equalTo(false));
    }

    @Test
    void onlyPlatformServicesMayAsk() {
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("userId", owner.id(), "organizationId", org.toString(), "permission", "member:invite"))
                .when().post("/api/v1/authorization/check").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("userId", owner.id(), "organizationId", org.toString(), "permission", "member:invite"))
                .when().post("/api/v1/authorization/check").then().statusCode(401);
    }

    @Test
    void aTokenKnownHereStillHasToBeTheWholeToken() {
        String token = TestUsers.serviceToken("invitation-service");
        for (int i = 0; i < 3; i++) { // verified once, then answered from the verified tokens
            checkWith(token, owner.id(), org, "member:invite").then().statusCode(200).body("allowed", equalTo(true));
        }
        int at = token.length() - 10; // inside the signature, where every bit of a character counts
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        checkWith(forged, owner.id(), org, "member:invite").then().statusCode(401);
        checkWith(token + "x", owner.id(), org, "member:invite").then().statusCode(401);
        // the user's own token, known here from another endpoint, still does not hold the service right
        given().auth().oauth2(owner.token()).when().get("/api/v1/users/me").then().statusCode(200);
        checkWith(owner.token(), owner.id(), org, "member:invite").then().statusCode(403);
    }

    @Test
    void aQueryWithoutItsFieldsIsRefusedNamingThem() {
        given().auth().oauth2(TestUsers.serviceToken("invitation-service")).contentType(ContentType.JSON)
                .body(Map.of("userId", "not-a-uuid", "permission", "member:invite"))
                .when().post("/api/v1/authorization/check")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("userId"));
        given().auth().oauth2(TestUsers.serviceToken("invitation-service")).contentType(ContentType.JSON)
                .body(Map.of("userId", owner.id(), "permission", "member:invite"))
                .when().post("/api/v1/authorization/check")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
    }

    @Test
    void membersOfAnOrganizationAreHiddenFromOtherTenants() {
        // a stranger cannot even tell the organization exists: the same 404 as for an unknown id
        given().auth().oauth2(stranger.token()).when().get("/api/v1/organizations/" + org + "/members")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger.token()).when().get("/api/v1/organizations/" + UUID.randomUUID() + "/members")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(owner.token()).when().get("/api/v1/organizations/" + org + "/members")
                .then().statusCode(200).body("items.userId", hasItem(owner.id()));
    }

    private static io.restassured.response.Response check(String userId, Object organizationId, String permission) {
        return checkWith(TestUsers.serviceToken("invitation-service"), userId, organizationId, permission);
    }

    private static io.restassured.response.Response checkWith(String token, String userId, Object organizationId, String permission) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "organizationId", organizationId.toString(), "permission", permission))
                .when().post("/api/v1/authorization/check");
    }
}
