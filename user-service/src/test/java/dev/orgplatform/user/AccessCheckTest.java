package dev.orgplatform.user;

import static dev.orgplatform.user.Fixture.check;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class AccessCheckTest {

    private static final Logger LOG = Logger.getLogger(AccessCheckTest.class);

    @Inject
    AgroalDataSource dataSource;

    /** The README's matrix, row by row: permission -> the roles (OWNER..VIEWER) that hold it. */
    private static final Map<String, String> MATRIX = Map.ofEntries(
            Map.entry("organization:read", "111111"), Map.entry("member:read", "111111"), Map.entry("product:read", "111111"),
            Map.entry("device:write", "111110"), Map.entry("deployment:write", "111110"),
            Map.entry("product:write", "111100"), Map.entry("deployment:execute", "111010"),
            Map.entry("firmware:delete", "111100"), Map.entry("device:delete", "111000"),
            Map.entry("member:manage", "110000"), Map.entry("member:invite", "110000"), Map.entry("billing:read", "110000"),
            Map.entry("team:manage", "110000"), Map.entry("organization:create-child", "110000"),
            Map.entry("organization:delete", "100000"), Map.entry("organization:transfer", "100000"));
    private static final List<String> ROLES = List.of("OWNER", "ADMIN", "MANAGER", "DEVELOPER", "OPERATOR", "VIEWER");

    @Test
    void everyRoleGetsExactlyTheMatrixAndTheDecisionNamesTheRole() {
        TestUsers.User owner = TestUsers.create("matrix-owner");
        UUID org = Fixture.organization(owner);
        Map<String, TestUsers.User> byRole = new java.util.HashMap<>(Map.of("OWNER", owner));
        for (String role : ROLES.subList(1, ROLES.size())) {
            TestUsers.User u = TestUsers.create("matrix-" + role.toLowerCase());
            Fixture.member(org, u, role, "My Team");
            byRole.put(role, u);
        }
        MATRIX.forEach((permission, allowed) -> {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                check(byRole.get(role).id(), org, permission).then().statusCode(200)
                        .body("allowed", equalTo(allowed.charAt(i) == '1')).body("role", equalTo(role));
            }
        });
    }

    @Test
    void rolesInheritDownAFourLevelTreeTheNearestWinsAndMovesAndLifecycleFollow() {
        TestUsers.User owner = TestUsers.create("tree-owner");
        TestUsers.User dev = TestUsers.create("tree-dev");
        UUID l1 = Fixture.organization(owner);
        UUID l2 = Fixture.child(l1, owner);
        UUID l3 = Fixture.child(l2, owner);
        UUID l4 = Fixture.child(l3, owner);
        check(owner.id(), l4, "organization:delete").then().body("allowed", equalTo(true)).body("role", equalTo("OWNER"))
                .body("reason", containsString("inherited from " + l1));
        check(dev.id(), l4, "organization:read").then().body("allowed", equalTo(false)).body("reason", equalTo("not a member"));

        Fixture.member(l2, dev, "VIEWER", "My Team");
        check(dev.id(), l4, "product:read").then().body("allowed", equalTo(true)).body("role", equalTo("VIEWER"));
        check(dev.id(), l4, "product:write").then().body("allowed", equalTo(false));
        check(dev.id(), l1, "organization:read").then().body("allowed", equalTo(false)); // roles never flow upwards
        Fixture.member(l3, dev, "DEVELOPER", "My Team"); // the nearest membership wins
        check(dev.id(), l4, "product:write").then().body("allowed", equalTo(true)).body("role", equalTo("DEVELOPER"));

        // l4 moves under l1 (out of l3 and l2): the developer role from l3 and the viewer role from l2 no longer reach it
        Fixture.publishOrg(l4, "OrganizationMoved", Map.of("organizationId", l4, "previousParentId", l3, "newParentId", l1,
                "rootId", l1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(dev.id(), l4, "product:read").then()
                .body("allowed", equalTo(false)));
        check(owner.id(), l4, "product:read").then().body("allowed", equalTo(true));

        // pending deletion: nothing under it grants anything; restored: grants again; purged: gone
        Fixture.publishOrg(l1, "OrganizationDeletionScheduled", Map.of("organizationId", l1, "purgeAfter", "2030-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(owner.id(), l4, "product:read").then()
                .body("allowed", equalTo(false)).body("reason", containsString("unavailable")));
        check(owner.id(), l1, "organization:restore").then().body("allowed", equalTo(false));
        Fixture.publishOrg(l1, "OrganizationRestored", Map.of("organizationId", l1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(owner.id(), l4, "product:read").then()
                .body("allowed", equalTo(true)));
        Fixture.publishOrg(l3, "OrganizationPurged", Map.of("organizationId", l3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(dev.id(), l3, "organization:read").then()
                .body("allowed", equalTo(false)).body("reason", containsString("does not exist")));
    }

    @Test
    void ownershipTransferMakesTheNewOwnerOwnerAndThePreviousAdmin() {
        TestUsers.User owner = TestUsers.create("transfer-owner");
        TestUsers.User next = TestUsers.create("transfer-next");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, next, "DEVELOPER", "My Team");
        Fixture.publishOrg(org, "OwnershipTransferred", Map.of("organizationId", org, "previousOwnerId", owner.id(),
                "newOwnerId", next.id()));
        Fixture.awaitRole(next.id(), org, "OWNER");
        Fixture.awaitRole(owner.id(), org, "ADMIN");
        given().auth().oauth2(next.token()).get("/api/v1/organizations/" + org + "/members?role=OWNER").then().statusCode(200)
                .body("items.userId", contains(next.id()));
    }

    @Test
    void productPermissionsGrantBeyondTheRoleForThatProductOnly() {
        TestUsers.User owner = TestUsers.create("product-owner");
        TestUsers.User viewer = TestUsers.create("product-viewer");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, viewer, "VIEWER", "My Team");
        String path = "/api/v1/organizations/" + org + "/members/" + viewer.id() + "/products/p-1/permissions";
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("permissions", List.of("device:write", "bogus")))
                .put(path).then().statusCode(400).body("errors.field", contains("permissions"));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("permissions", List.of("device:write")))
                .put(path).then().statusCode(200).body("permissions", contains("device:write"));
        check(Map.of("userId", viewer.id(), "organizationId", org, "permission", "device:write", "productId", "p-1")).then()
                .body("allowed", equalTo(true)).body("reason", containsString("product permission"));
        check(Map.of("userId", viewer.id(), "organizationId", org, "permission", "device:write", "productId", "p-2")).then()
                .body("allowed", equalTo(false));
        check(viewer.id(), org, "device:write").then().body("allowed", equalTo(false));
        given().auth().oauth2(viewer.token()).get(path).then().statusCode(200).body("permissions", contains("device:write"));
        String products = "/api/v1/organizations/" + org + "/members/" + viewer.id() + "/products";
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("permissions", List.of("product:read", "firmware:read")))
                .put(products + "/p-0/permissions").then().statusCode(200);
        given().auth().oauth2(owner.token()).get(products).then().statusCode(200).body("productId", contains("p-0", "p-1"))
                .body("[0].permissions", contains("firmware:read", "product:read")).body("[1].permissions", contains("device:write"));
        given().auth().oauth2(owner.token()).get("/api/v1/organizations/" + org + "/members/" + owner.id() + "/products").then()
                .statusCode(200).body("$", hasSize(0));
        // the viewer may not grant themself anything
        given().auth().oauth2(viewer.token()).contentType(ContentType.JSON).body(Map.of("permissions", List.of("product:write")))
                .put(path).then().statusCode(403);
        given().auth().oauth2(owner.token()).delete(path).then().statusCode(204);
        check(Map.of("userId", viewer.id(), "organizationId", org, "permission", "device:write", "productId", "p-1")).then()
                .body("allowed", equalTo(false));
    }

    @Test
    void aBatchAnswersEveryQueryInOrder() {
        TestUsers.User owner = TestUsers.create("batch-owner");
        UUID org = Fixture.organization(owner);
        given().auth().oauth2(Fixture.serviceToken()).contentType(ContentType.JSON)
                .body(List.of(Map.of("userId", owner.id(), "organizationId", org, "permission", "organization:delete"),
                        Map.of("userId", UUID.randomUUID(), "organizationId", org, "permission", "organization:read"),
                        Map.of("userId", owner.id(), "organizationId", UUID.randomUUID(), "permission", "organization:read")))
                .post("/api/v1/authorization/check-batch").then().statusCode(200)
                .body("allowed", contains(true, false, false)).body("role", contains("OWNER", null, null));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(List.of(Map.of("userId", owner.id(), "organizationId", org, "permission", "organization:read")))
                .post("/api/v1/authorization/check-batch").then().statusCode(403);
        given().auth().oauth2(Fixture.serviceToken()).contentType(ContentType.JSON)
                .body(List.of(Map.of("userId", owner.id(), "permission", "organization:read")))
                .post("/api/v1/authorization/check-batch").then().statusCode(400);
    }

    /**
     * How long from a committed change to a check answering differently: on the instance that made the change (its
     * answer waits for a fresh poll, so the next check sees it), and for changes another instance committed (here
     * written straight into the database): a demotion shows within a poll, a removal too. Recorded in the log; the
     * bound is 1 s.
     */
    @Test
    void measuresHowFastAChangeIsEnforced() {
        TestUsers.User owner = TestUsers.create("speed-owner");
        TestUsers.User member = TestUsers.create("speed-member");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, member, "DEVELOPER", "My Team");
        String etag = given().auth().oauth2(owner.token()).get("/api/v1/organizations/" + org + "/members/" + member.id())
                .then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("role", "VIEWER"))
                .patch("/api/v1/organizations/" + org + "/members/" + member.id()).then().statusCode(200);
        check(member.id(), org, "product:write").then().body("allowed", equalTo(false)); // at once

        Database db = new Database(dataSource);
        db.execute("update membership set role = 'OPERATOR', version = version + 1 where organization_id = ? and user_id = ?",
                org, UUID.fromString(member.id()));
        long elsewhere = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> "OPERATOR".equals(check(member.id(), org, "organization:read").then().extract().path("role")));
        long demotion = (System.nanoTime() - elsewhere) / 1_000_000;

        db.execute("delete from membership where organization_id = ? and user_id = ?", org, UUID.fromString(member.id()));
        long removal = untilDenied(member.id(), org, "organization:read", System.nanoTime());
        LOG.infof("PROPAGATION: a role change is enforced by the instance that made it at once; one committed elsewhere after "
                + "%d ms, a removal committed elsewhere after %d ms", demotion, removal);
        assertEquals("not a member", check(member.id(), org, "organization:read").then().extract().path("reason"));
    }

    private static long untilDenied(String userId, UUID org, String permission, long since) {
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> !check(userId, org, permission).then().extract().<Boolean> path("allowed"));
        return (System.nanoTime() - since) / 1_000_000;
    }
}
