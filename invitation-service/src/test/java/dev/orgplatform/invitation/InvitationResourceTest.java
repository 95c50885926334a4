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
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "new@example.com", "name", "New", "role", "VIEWER", "teams", List.of("My Team")))
                .when().post("/api/v1/organizations/" + UUID.randomUUID() + "/invitations")
                .then().statusCode(401);
    }
}
