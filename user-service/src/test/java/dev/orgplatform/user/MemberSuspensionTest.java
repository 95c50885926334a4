package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.Secrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A member suspended in one organization: denied there and beneath, never beyond, decided only by that tenant. */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class MemberSuspensionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAdminOfOneTenantNeverSuspendsTheOwnerOrAMemberOfAnother() {
        TestUsers.User ownerA = TestUsers.create("ms-owner-a");
        TestUsers.User adminA = TestUsers.create("ms-admin-a");
        TestUsers.User ownerB = TestUsers.create("ms-owner-b");
        UUID a = Fixture.organization(ownerA);
        UUID b = Fixture.organization(ownerB);
        Fixture.member(a, adminA, "ADMIN", "My Team");

        suspend(adminA, a, ownerB, "x").then().statusCode(404); // no member of A
        suspend(adminA, b, ownerB, "x").then().statusCode(404); // B is not visible to A's Admin
        given().auth().oauth2(adminA.token()).delete(path(b, ownerB)).then().statusCode(404);
        suspend(adminA, a, ownerA, "x").then().statusCode(403).body("detail", containsString("Owner"));
        suspend(adminA, a, adminA, "x").then().statusCode(403);
        given().auth().oauth2(adminA.token()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/users/" + ownerB.id() + "/suspension").then().statusCode(404);
        Fixture.check(ownerB.id(), b, "organization:delete").then().body("allowed", equalTo(true));
        Fixture.check(ownerA.id(), a, "organization:delete").then().body("allowed", equalTo(true));
    }

    @Test
    void aMemberSuspendedInAnOrganizationIsDeniedThereAndBeneathAndKeepsEveryOtherOrganization() {
        TestUsers.User owner = TestUsers.create("ms-tree-owner");
        TestUsers.User elsewhere = TestUsers.create("ms-tree-elsewhere");
        TestUsers.User dev = TestUsers.create("ms-tree-dev");
        TestUsers.User parentViewer = TestUsers.create("ms-tree-viewer");
        UUID root = Fixture.organization(owner);
        UUID child = Fixture.child(root, owner);
        UUID other = Fixture.organization(elsewhere);
        Fixture.member(child, dev, "DEVELOPER", "My Team");
        Fixture.member(other, dev, "DEVELOPER", "My Team");
        Fixture.member(root, parentViewer, "VIEWER", "My Team");

        // decided at the root, it reaches the member's role in the child; the root's Owner decides
        suspend(owner, root, dev, "suspicious deployments").then().statusCode(200).body("organizationId", equalTo(root.toString()))
                .body("userId", equalTo(dev.id())).body("reason", equalTo("suspicious deployments"))
                .body("suspendedBy", equalTo(owner.id()));
        Fixture.check(dev.id(), child, "product:write").then().body("allowed", equalTo(false)).body("role", equalTo("DEVELOPER"))
                .body("reason", equalTo("member is suspended in organization " + root));
        Fixture.check(dev.id(), other, "product:write").then().body("allowed", equalTo(true));
        given().auth().oauth2(dev.token()).get("/api/v1/organizations/" + child + "/members").then().statusCode(403);
        given().auth().oauth2(dev.token()).get("/api/v1/organizations/" + other + "/members").then().statusCode(200);
        given().auth().oauth2(owner.token()).get("/api/v1/organizations/" + root + "/suspensions").then().statusCode(200)
                .body("userId", contains(dev.id()));
        given().auth().oauth2(elsewhere.token()).get("/api/v1/organizations/" + root + "/suspensions").then().statusCode(404);
        // audited in each organization it touches, with the reason: the root where it was decided, the child it reaches
        for (UUID touched : List.of(root, child)) {
            Fixture.KAFKA.await("memberships", r -> touched.toString().equals(r.key())
                    && "MemberSuspended".equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(dev.id())
                    && r.value().contains("suspicious deployments"), Duration.ofSeconds(20));
        }
        assertEquals(0, Fixture.KAFKA.countWithin("memberships", r -> other.toString().equals(r.key())
                && "MemberSuspended".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(1)), "the other tenant is untouched");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.token())
                .get("/api/v1/organizations/" + child + "/audit?action=MemberSuspended").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].actorId", equalTo(owner.id())));

        // a member whose role comes from above is suspended up there, not in the child
        suspend(owner, child, parentViewer, "x").then().statusCode(403).body("detail", containsString("ancestor"));

        given().auth().oauth2(owner.token()).delete(path(root, dev)).then().statusCode(204);
        Fixture.check(dev.id(), child, "product:write").then().body("allowed", equalTo(true));
        given().auth().oauth2(owner.token()).delete(path(root, dev)).then().statusCode(204); // lifted already: nothing changes
    }

    @Test
    void twoSuspensionsDecidedInTwoTenantsAtOnceBothHoldAndLiftingOneLeavesTheOther() {
        TestUsers.User ownerA = TestUsers.create("ms-two-a");
        TestUsers.User ownerB = TestUsers.create("ms-two-b");
        TestUsers.User dev = TestUsers.create("ms-two-dev");
        UUID a = Fixture.organization(ownerA);
        UUID b = Fixture.organization(ownerB);
        Fixture.member(a, dev, "DEVELOPER", "My Team");
        Fixture.member(b, dev, "VIEWER", "My Team");
        ownerA.token();
        ownerB.token();

        CompletableFuture<Integer> inA = CompletableFuture.supplyAsync(() -> suspend(ownerA, a, dev, "by A").statusCode());
        CompletableFuture<Integer> inB = CompletableFuture.supplyAsync(() -> suspend(ownerB, b, dev, "by B").statusCode());
        assertEquals(List.of(200, 200), List.of(inA.join(), inB.join()));
        Fixture.check(dev.id(), a, "organization:read").then().body("allowed", equalTo(false));
        Fixture.check(dev.id(), b, "organization:read").then().body("allowed", equalTo(false));

        given().auth().oauth2(ownerA.token()).delete(path(a, dev)).then().statusCode(204);
        Fixture.check(dev.id(), a, "organization:read").then().body("allowed", equalTo(true));
        Fixture.check(dev.id(), b, "organization:read").then().body("allowed", equalTo(false))
                .body("reason", equalTo("member is suspended in organization " + b));
        // A's Owner cannot lift B's decision
        given().auth().oauth2(ownerA.token()).delete(path(b, dev)).then().statusCode(404);
    }

    @Test
    void aKeyWithoutMemberManageCannotSuspendAndAStrongerMemberIsOutOfReach() {
        TestUsers.User owner = TestUsers.create("ms-key-owner");
        TestUsers.User admin = TestUsers.create("ms-key-admin");
        TestUsers.User manager = TestUsers.create("ms-key-manager");
        TestUsers.User dev = TestUsers.create("ms-key-dev");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, admin, "ADMIN", "My Team");
        Fixture.member(org, manager, "MANAGER", "My Team");
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String readKey = Secrets.generate("opk_");
        new Database(dataSource).insertKey(owner, org, readKey, "read", Instant.now().plus(Duration.ofDays(1)));

        given().header("X-API-Key", readKey).contentType(ContentType.JSON).body(Map.of("userId", dev.id(), "reason", "x"))
                .post("/api/v1/organizations/" + org + "/suspensions").then().statusCode(403);
        given().header("X-API-Key", readKey).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/users/" + dev.id() + "/suspension").then().statusCode(403);
        suspend(manager, org, dev, "x").then().statusCode(403); // a Manager does not manage members
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("userId", dev.id(), "reason", " ".repeat(3)))
                .post("/api/v1/organizations/" + org + "/suspensions").then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("userId", "not-a-uuid", "reason", "x"))
                .post("/api/v1/organizations/" + org + "/suspensions").then().statusCode(400);
        Fixture.check(dev.id(), org, "organization:read").then().body("allowed", equalTo(true));
    }

    private static String path(UUID org, TestUsers.User member) {
        return "/api/v1/organizations/" + org + "/suspensions/" + member.id();
    }

    private static Response suspend(TestUsers.User caller, UUID org, TestUsers.User member, String reason) {
        return given().auth().oauth2(caller.token()).contentType(ContentType.JSON).body(Map.of("userId", member.id(), "reason", reason))
                .post("/api/v1/organizations/" + org + "/suspensions");
    }
}
