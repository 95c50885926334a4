package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
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
    void suspensionDisablesTheLoginEndsSessionsAndDeniesAtOnceReactivationUndoes() {
        TestUsers.User owner = TestUsers.create("susp-owner");
        TestUsers.User admin = TestUsers.create("susp-admin");
        TestUsers.User dev = TestUsers.create("susp-dev");
        TestUsers.User outsider = TestUsers.create("susp-outsider");
        UUID org = Fixture.organization(owner);
        Fixture.organization(outsider);
        Fixture.member(org, admin, "ADMIN", "My Team");
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        dev.token();
        given().auth().oauth2(admin.token()).get("/api/v1/users/" + dev.id() + "/sessions").then().statusCode(200)
                .body("$", hasSize(1));

        String suspension = "/api/v1/users/" + dev.id() + "/suspension";
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body(Map.of("reason", "x")).post(suspension)
                .then().statusCode(404);
        given().auth().oauth2(dev.token()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/users/" + admin.id() + "/suspension").then().statusCode(404);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/users/" + owner.id() + "/suspension").then().statusCode(403);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of()).post(suspension).then().statusCode(400)
                .body("errors.field", contains("reason"));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("reason", "leaked credentials"))
                .post(suspension).then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("leaked credentials"));

        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(false))
                .body("reason", equalTo("user is suspended"));
        // a suspended member still sees that the organization exists: 403 naming the suspension, not 404
        given().auth().oauth2(dev.token()).get("/api/v1/organizations/" + org + "/members").then().statusCode(403)
                .body("detail", containsString("user is suspended"));
        assertFalse(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());
        given().auth().oauth2(admin.token()).get("/api/v1/users/" + dev.id() + "/sessions").then().statusCode(200)
                .body("$", hasSize(0));
        assertThrows(IllegalStateException.class, dev::freshToken, "a suspended user cannot log in");
        given().auth().oauth2(admin.token()).get("/api/v1/organizations/" + org + "/members?status=SUSPENDED").then()
                .body("items.userId", contains(dev.id()));
        Fixture.KAFKA.await("memberships", r -> "UserSuspended".equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(dev.id()), Duration.ofSeconds(20));

        given().auth().oauth2(admin.token()).delete(suspension).then().statusCode(200).body("status", equalTo("ACTIVE"));
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(true));
        assertTrue(Fixture.keycloakUser(dev.id()).get("enabled").asBoolean());
        given().auth().oauth2(dev.freshToken()).get("/api/v1/organizations/" + org + "/members").then().statusCode(200);
    }

    @Test
    void sessionsAreListedAndEndedByTheUserOrTheirAdminOnly() {
        TestUsers.User owner = TestUsers.create("sess-owner");
        TestUsers.User dev = TestUsers.create("sess-dev");
        TestUsers.User outsider = TestUsers.create("sess-outsider");
        UUID org = Fixture.organization(owner);
        Fixture.organization(outsider);
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String token = dev.token();
        dev.freshToken(); // a second login: a second session
        String sessions = "/api/v1/users/" + dev.id() + "/sessions";
        String first = given().auth().oauth2(token).get(sessions).then().statusCode(200).body("$", hasSize(2))
                .body("[0].startedAt", notNullValue()).extract().path("[0].id");

        given().auth().oauth2(outsider.token()).get(sessions).then().statusCode(404);
        given().auth().oauth2(outsider.token()).delete(sessions + "/" + first).then().statusCode(404);
        given().auth().oauth2(outsider.token()).delete(sessions).then().statusCode(404);
        given().auth().oauth2(dev.token()).get("/api/v1/users/" + owner.id() + "/sessions").then().statusCode(404);
        given().auth().oauth2(owner.token()).delete(sessions + "/" + UUID.randomUUID()).then().statusCode(404);

        given().auth().oauth2(token).delete(sessions + "/" + first).then().statusCode(204);
        given().auth().oauth2(owner.token()).get(sessions).then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(owner.token()).delete(sessions).then().statusCode(204);
        given().auth().oauth2(owner.token()).get(sessions).then().statusCode(200).body("$", hasSize(0));
    }
}
