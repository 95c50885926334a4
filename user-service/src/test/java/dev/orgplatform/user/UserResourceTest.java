package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class UserResourceTest {

    @Test
    void anEmailAnotherAccountGaveUpSignsItsNewHolderInAndTheFirstHolderKeepsTheirNewOne() {
        // usernames apart from emails: Keycloak refuses an email that is another account's username
        String email = "reused-" + UUID.randomUUID() + "@example.com";
        String password = "pw-" + UUID.randomUUID();
        String firstName = account(email, password);
        String first = Fixture.KEYCLOAK.passwordToken(firstName, password);
        String firstId = given().auth().oauth2(first).get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(email)).extract().path("id");

        // in Keycloak the first account moves to another address, and a new account takes the old one
        String moved = "moved-" + email;
        assertEquals(204, Fixture.adminPut("/users/" + firstId, Map.of("email", moved)));
        String secondName = account(email, password);
        String second = Fixture.KEYCLOAK.passwordToken(secondName, password);
        given().auth().oauth2(second).get("/api/v1/users/me").then().statusCode(200).body("email", equalTo(email));

        // the first holder signs in again: their profile follows Keycloak, nobody is locked out
        String again = Fixture.KEYCLOAK.passwordToken(firstName, password);
        given().auth().oauth2(again).get("/api/v1/users/me").then().statusCode(200).body("email", equalTo(moved));
        given().auth().oauth2(second).get("/api/v1/users/me").then().statusCode(200).body("email", equalTo(email));
    }

    /** A Keycloak account whose username is not its email; answers the username. */
    private static String account(String email, String password) {
        String username = "account-" + UUID.randomUUID();
        assertEquals(201, Fixture.adminPost("/users", Map.of("username", username, "email", email, "emailVerified", true,
                "enabled", true, "firstName", "Re", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))));
        return username;
    }

    @Test
    void aUserFirstSeenGetsAProfileAndEditsItInStepWithKeycloak() {
        TestUsers.User user = TestUsers.create("profile");
        var me = given().auth().oauth2(user.token()).get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(user.email())).body("status", equalTo("ACTIVE")).body("lastLoginAt", notNullValue())
                .extract();
        String etag = me.header("ETag");
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("name", "Ada Lovelace"))
                .patch("/api/v1/users/me").then().statusCode(428);
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("email", "other@example.com")).patch("/api/v1/users/me").then().statusCode(400)
                .body("errors.field", contains("email"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("timezone", "Mars/Olympus")).patch("/api/v1/users/me").then().statusCode(400)
                .body("errors.field", contains("timezone"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("language", "not a tag!")).patch("/api/v1/users/me").then().statusCode(400)
                .body("errors.field", contains("language"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Ada Lovelace", "timezone", "Europe/London", "language", "en-GB",
                        "avatarUrl", "https://example.com/ada.png"))
                .patch("/api/v1/users/me").then().statusCode(200).body("name", equalTo("Ada Lovelace"))
                .body("timezone", equalTo("Europe/London")).body("language", equalTo("en-GB"));
        var keycloak = Fixture.keycloakUser(user.id());
        assertEquals("Ada", keycloak.get("firstName").asText());
        assertEquals("Lovelace", keycloak.get("lastName").asText());
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Stale")).patch("/api/v1/users/me").then().statusCode(412);
    }

    @Test
    void disablingAnAccountTakesAnOperatorOrSomeoneManagingEveryOrganizationOfTheUser() {
        TestUsers.User owner = TestUsers.create("susp-owner");
        TestUsers.User admin = TestUsers.create("susp-admin");
        TestUsers.User dev = TestUsers.create("susp-dev");
        TestUsers.User otherOwner = TestUsers.create("susp-other-owner");
        TestUsers.User operator = TestUsers.createOperator("susp-operator");
        UUID org = Fixture.organization(owner);
        UUID other = Fixture.organization(otherOwner);
        Fixture.member(org, admin, "ADMIN", "My Team");
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        dev.token();

        String suspension = "/api/v1/users/" + dev.id() + "/suspension";
        suspend(otherOwner, suspension, "x").then().statusCode(404); // sees none of the user's organizations
        suspend(dev, "/api/v1/users/" + admin.id() + "/suspension", "x").then().statusCode(403);
        suspend(admin, "/api/v1/users/" + owner.id() + "/suspension", "x").then().statusCode(403)
                .body("detail", containsString("Owner"));
        suspend(admin, "/api/v1/users/" + admin.id() + "/suspension", "x").then().statusCode(403);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of()).post(suspension).then().statusCode(400)
                .body("errors.field", contains("reason"));

        // the Developer also belongs to another tenant: the Admin of the first one no longer manages every organization
        Fixture.member(other, dev, "VIEWER", "My Team");
        suspend(admin, suspension, "x").then().statusCode(403).body("detail", containsString("every organization"));
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(true));

        // a platform operator may
        suspend(operator, suspension, "leaked credentials").then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("leaked credentials"));
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(false))
                .body("reason", equalTo("user is suspended"));
        Fixture.check(dev.id(), other, "organization:read").then().body("allowed", equalTo(false));
        // a suspended member still sees that the organization exists: 403 naming the suspension, not 404
        given().auth().oauth2(dev.token()).get("/api/v1/organizations/" + org + "/members").then().statusCode(403)
                .body("detail", containsString("user is suspended"));
        assertFalse(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());
        given().auth().oauth2(operator.token()).get("/api/v1/users/" + dev.id() + "/sessions").then().statusCode(200)
                .body("$", hasSize(0));
        assertThrows(IllegalStateException.class, dev::freshToken, "a suspended user cannot log in");
        // one event in each organization the user belongs to, so each one's audit log shows it with the reason
        for (UUID o : List.of(org, other)) {
            Fixture.KAFKA.await("memberships", r -> o.toString().equals(r.key()) && "UserSuspended".equals(KafkaEvents.header(r, "ce_type"))
                    && r.value().contains(dev.id()) && r.value().contains("leaked credentials"), Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(otherOwner.token())
                .get("/api/v1/organizations/" + other + "/audit?action=UserSuspended").then().statusCode(200)
                .body("items.actorId", contains(operator.id())));

        // the other tenant's Owner cannot undo it, the operator can
        given().auth().oauth2(otherOwner.token()).delete(suspension).then().statusCode(403);
        given().auth().oauth2(operator.token()).delete(suspension).then().statusCode(200).body("status", equalTo("ACTIVE"));
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(true));
        assertTrue(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());
        given().auth().oauth2(dev.freshToken()).get("/api/v1/organizations/" + org + "/members").then().statusCode(200);
    }

    @Test
    void anAdminWhoManagesEveryOrganizationOfTheUserDisablesTheAccount() {
        TestUsers.User owner = TestUsers.create("susp2-owner");
        TestUsers.User dev = TestUsers.create("susp2-dev");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String suspension = "/api/v1/users/" + dev.id() + "/suspension";
        suspend(owner, suspension, "left the company").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Fixture.check(dev.id(), org, "organization:read").then().body("reason", equalTo("user is suspended"));
        given().auth().oauth2(owner.token()).delete(suspension).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void sessionsAreSeenAndEndedByTheUserAndPlatformOperatorsOnly() {
        TestUsers.User owner = TestUsers.create("sess-owner");
        TestUsers.User dev = TestUsers.create("sess-dev");
        TestUsers.User operator = TestUsers.createOperator("sess-operator");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String token = dev.token();
        dev.freshToken(); // a second login: a second session
        String sessions = "/api/v1/users/" + dev.id() + "/sessions";
        String first = given().auth().oauth2(token).get(sessions).then().statusCode(200).body("$", hasSize(2))
                .body("[0].startedAt", notNullValue()).extract().path("[0].id");

        // not even the Owner of the member's organization sees where they are signed in
        given().auth().oauth2(owner.token()).get(sessions).then().statusCode(403);
        given().auth().oauth2(owner.token()).delete(sessions + "/" + first).then().statusCode(403);
        given().auth().oauth2(owner.token()).delete(sessions).then().statusCode(403);
        given().auth().oauth2(dev.token()).get("/api/v1/users/" + owner.id() + "/sessions").then().statusCode(403);
        given().auth().oauth2(operator.token()).delete(sessions + "/" + UUID.randomUUID()).then().statusCode(404);

        given().auth().oauth2(token).delete(sessions + "/" + first).then().statusCode(204);
        given().auth().oauth2(operator.token()).get(sessions).then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(operator.token()).delete(sessions).then().statusCode(204);
        given().auth().oauth2(dev.freshToken()).get(sessions).then().statusCode(200).body("$", hasSize(1));
    }

    private static io.restassured.response.Response suspend(TestUsers.User caller, String path, String reason) {
        return given().auth().oauth2(caller.token()).contentType(ContentType.JSON).body(Map.of("reason", reason)).post(path);
    }
}
