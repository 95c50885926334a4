package dev.orgplatform.invitation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** invitation-service alone: what it decides before it needs user-service and billing-service. */
@QuarkusTest
@QuarkusTestResource(InvitationServiceStack.class)
class InvitationResourceTest {

    @Test
    void aMalformedInvitationIsRefusedNamingEveryBadField() {
        given().auth().oauth2(TestUsers.create("inviter").token()).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "name", "", "role", "OWNER", "teams", List.of()))
                .when().post("/api/v1/organizations/" + UUID.randomUUID() + "/invitations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("email", "name", "role", "teams"));
    }

    @Test
    void whenUserServiceIsDownTheAnswerIsAClear503() {
        given().auth().oauth2(TestUsers.create("inviter").token()).contentType(ContentType.JSON)
                .body(Map.of("email", "new@example.com", "name", "New", "role", "VIEWER", "teams", List.of("My Team")))
                .when().post("/api/v1/organizations/" + UUID.randomUUID() + "/invitations")
                .then().statusCode(503).contentType("application/problem+json").body("title", equalTo("Dependency unavailable"));
    }

    @Test
    void everyEndpointFailsClosedWhenUserServiceIsDown() {
        String token = TestUsers.create("inviter").token();
        String base = "/api/v1/organizations/" + UUID.randomUUID() + "/invitations";
        String one = base + "/" + UUID.randomUUID();
        given().auth().oauth2(token).when().get(base).then().statusCode(503).contentType("application/problem+json");
        given().auth().oauth2(token).when().get(one).then().statusCode(503).contentType("application/problem+json");
        given().auth().oauth2(token).when().post(one + "/resend").then().statusCode(503).contentType("application/problem+json");
        given().auth().oauth2(token).when().delete(one).then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void aListFilterOrPageThatMeansNothingIsRefusedNamingIt() {
        String token = TestUsers.create("inviter").token();
        String base = "/api/v1/organizations/" + UUID.randomUUID() + "/invitations";
        given().auth().oauth2(token).when().get(base + "?state=LOST").then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().auth().oauth2(token).when().get(base + "?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).when().get(base + "?cursor=nonsense").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void withoutATokenEveryOrganizationEndpointAnswers401() {
        String base = "/api/v1/organizations/" + UUID.randomUUID() + "/invitations";
        String one = base + "/" + UUID.randomUUID();
        given().when().get(base).then().statusCode(401);
        given().when().get(one).then().statusCode(401);
        given().when().post(one + "/resend").then().statusCode(401);
        given().when().delete(one).then().statusCode(401);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "new@example.com", "name", "New", "role", "VIEWER", "teams", List.of("My Team")))
                .when().post("/api/v1/organizations/" + UUID.randomUUID() + "/invitations")
                .then().statusCode(401);
    }
}
