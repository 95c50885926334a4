package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
class MemberResourceTest {

    @Test
    void membersArePagedAndFilteredByRoleTeamAndStatus() {
        TestUsers.User owner = TestUsers.create("page-owner");
        TestUsers.User dev = TestUsers.create("page-dev");
        TestUsers.User viewer = TestUsers.create("page-viewer");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, dev, "DEVELOPER", "Platform");  // no such team: lands in "My Team"
        Fixture.member(org, viewer, "VIEWER", "My Team");
        String base = "/api/v1/organizations/" + org + "/members";

        String cursor = given().auth().oauth2(owner.token()).get(base + "?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].userId", equalTo(owner.id())).body("items[0].teams", contains("My Team"))
                .body("items[0].status", equalTo("ACTIVE")).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(owner.token()).get(base + "?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.userId", contains(viewer.id())).body("nextCursor", nullValue())
                // who they are, as they joined (the name the invitation was accepted with)
                .body("items[0].name", equalTo("Invited")).body("items[0].email", equalTo(viewer.email()));
        given().auth().oauth2(owner.token()).get(base + "?role=developer").then().body("items.userId", contains(dev.id()));
        given().auth().oauth2(owner.token()).get(base + "?team=My Team").then().body("items", hasSize(3));
        given().auth().oauth2(owner.token()).get(base + "?team=Nobody").then().body("items", hasSize(0));
        given().auth().oauth2(owner.token()).get(base + "?status=SUSPENDED").then().body("items", hasSize(0));
        given().auth().oauth2(owner.token()).get(base + "?role=KING").then().statusCode(400).body("errors.field", contains("role"));
        given().auth().oauth2(owner.token()).get(base + "?cursor=garbage!").then().statusCode(400).body("errors.field", contains("cursor"));
        given().auth().oauth2(owner.token()).get(base + "?limit=0").then().statusCode(400).body("errors.field", contains("limit"));
        // other platform services read members with their client-credentials token
        given().auth().oauth2(Fixture.serviceToken()).get(base + "/" + dev.id()).then().statusCode(200)
                .body("role", equalTo("DEVELOPER"));
        given().auth().oauth2(Fixture.serviceToken()).get(base + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(dev.token()).get("/api/v1/users/me/organizations").then().statusCode(200)
                .body("organizationId", contains(org.toString())).body("role", contains("DEVELOPER"));
        // what each may do there: the console shows only these controls
        given().auth().oauth2(dev.token()).get("/api/v1/users/me/organizations/" + org).then().statusCode(200)
                .body("role", equalTo("DEVELOPER")).body("permissions", hasItem("product:write"))
                .body("permissions", not(hasItem("member:manage")));
        given().auth().oauth2(owner.token()).get("/api/v1/users/me/organizations/" + org).then().statusCode(200)
                .body("role", equalTo("OWNER")).body("permissions", hasItems("member:manage", "organization:transfer", "audit:read"));
    }

    @Test
    void adminsChangeRolesButNeverAboveTheirOwnNorTheOwnerAndOwnershipOnlyByTransfer() {
        TestUsers.User owner = TestUsers.create("role-owner");
        TestUsers.User admin = TestUsers.create("role-admin");
        TestUsers.User manager = TestUsers.create("role-manager");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, admin, "ADMIN", "My Team");
        Fixture.member(org, manager, "MANAGER", "My Team");
        String managerPath = "/api/v1/organizations/" + org + "/members/" + manager.id();

        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("role", "VIEWER")).patch(managerPath)
                .then().statusCode(428);
        String etag = given().auth().oauth2(admin.token()).get(managerPath).then().extract().header("ETag");
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("role", "OWNER"))
                .patch(managerPath).then().statusCode(400).body("errors.field", contains("role"));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("role", "VIEWER"))
                .patch(managerPath).then().statusCode(200).body("role", equalTo("VIEWER"));
        Fixture.check(manager.id(), org, "product:write").then().body("allowed", equalTo(false)).body("role", equalTo("VIEWER"));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("role", "DEVELOPER"))
                .patch(managerPath).then().statusCode(412);
        // a manager may not manage members at all; an admin may not touch the Owner
        given().auth().oauth2(manager.token()).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("role", "ADMIN"))
                .patch("/api/v1/organizations/" + org + "/members/" + admin.id()).then().statusCode(403);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("role", "VIEWER"))
                .patch("/api/v1/organizations/" + org + "/members/" + owner.id()).then().statusCode(403)
                .body("detail", containsString("Owner"));
        given().auth().oauth2(owner.token()).delete("/api/v1/organizations/" + org + "/members/" + owner.id()).then().statusCode(409);
        // an admin raises no one above ADMIN, and removes a member: the check denies at once
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("role", "ADMIN"))
                .patch(managerPath).then().statusCode(200).body("role", equalTo("ADMIN"));
        given().auth().oauth2(admin.token()).delete(managerPath).then().statusCode(204);
        Fixture.check(manager.id(), org, "organization:read").then().body("allowed", equalTo(false));
        given().auth().oauth2(admin.token()).get(managerPath).then().statusCode(404);
        Fixture.KAFKA.await("memberships", r -> org.toString().equals(r.key())
                && "MembershipRevoked".equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(manager.id()), Duration.ofSeconds(20));
    }

    @Test
    void anInvitationAcceptedTwiceMakesOneMembershipInTheNamedTeams() {
        TestUsers.User owner = TestUsers.create("accept-owner");
        TestUsers.User joiner = TestUsers.create("accept-joiner");
        UUID org = Fixture.organization(owner);
        String team = given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "Firmware"))
                .post("/api/v1/organizations/" + org + "/teams").then().statusCode(201).extract().path("id");
        String eventId = UUID.randomUUID().toString();
        String data = Fixture.write(Map.of("invitationId", UUID.randomUUID(), "organizationId", org, "userId", joiner.id(),
                "email", joiner.email(), "name", "Joy Ner", "role", "OPERATOR", "teams", List.of("Firmware", "Unknown")));
        Fixture.KAFKA.publish("invitations", org, eventId, "InvitationAccepted", "/invitation-service", data);
        Fixture.KAFKA.publish("invitations", org, eventId, "InvitationAccepted", "/invitation-service", data);
        Fixture.awaitRole(joiner.id(), org, "OPERATOR");
        long end = Fixture.KAFKA.endOffset("invitations");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixture.KAFKA.committedOffset("user-service", "invitations") >= end);
        given().auth().oauth2(owner.token()).get("/api/v1/organizations/" + org + "/members/" + joiner.id()).then().statusCode(200)
                .body("teams", containsInAnyOrder("Firmware", "My Team"));
        given().auth().oauth2(owner.token()).get("/api/v1/organizations/" + org + "/teams/" + team + "/members").then()
                .body("userId", hasItem(joiner.id()));
        given().auth().oauth2(joiner.token()).get("/api/v1/users/me").then().statusCode(200).body("email", equalTo(joiner.email()));
        assertEquals(1, Fixture.KAFKA.countWithin("memberships", r -> org.toString().equals(r.key())
                && "MembershipGranted".equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(joiner.id()), Duration.ofSeconds(2)));
    }

    @Test
    void anotherTenantSeesAndChangesNothing() {
        TestUsers.User owner = TestUsers.create("tenant-owner");
        TestUsers.User dev = TestUsers.create("tenant-dev");
        TestUsers.User outsider = TestUsers.create("tenant-outsider");
        UUID org = Fixture.organization(owner);
        Fixture.organization(outsider); // an Owner elsewhere is nobody here
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String base = "/api/v1/organizations/" + org + "/members";
        String products = base + "/" + dev.id() + "/products/p/permissions";
        given().auth().oauth2(outsider.token()).get(base).then().statusCode(404);
        given().auth().oauth2(outsider.token()).get(base + "/" + dev.id()).then().statusCode(404);
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("role", "VIEWER"))
                .patch(base + "/" + dev.id()).then().statusCode(404);
        given().auth().oauth2(outsider.token()).delete(base + "/" + dev.id()).then().statusCode(404);
        given().auth().oauth2(outsider.token()).get(products).then().statusCode(404);
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body(Map.of("permissions", List.of("device:read")))
                .put(products).then().statusCode(404);
        given().auth().oauth2(outsider.token()).delete(products).then().statusCode(404);
        given().auth().oauth2(outsider.token()).get(base + "/" + dev.id() + "/products").then().statusCode(404);
        given().auth().oauth2(outsider.token()).get("/api/v1/users/me/organizations/" + org).then().statusCode(404);
        given().auth().oauth2(outsider.token()).get("/api/v1/users/me/organizations").then().statusCode(200)
                .body("organizationId", not(hasItem(org.toString())));
        Fixture.check(dev.id(), org, "product:write").then().body("allowed", equalTo(true));
    }
}
