package dev.orgplatform.billing;

import static dev.orgplatform.billing.BillingFixture.openedOrganization;
import static dev.orgplatform.billing.BillingFixture.openedSubOrganization;
import static dev.orgplatform.billing.BillingFixture.reservations;
import static dev.orgplatform.billing.BillingFixture.reserve;
import static dev.orgplatform.billing.BillingFixture.serviceToken;
import static dev.orgplatform.billing.BillingFixture.used;
import static dev.orgplatform.billing.BillingFixture.usedHere;
import static dev.orgplatform.billing.PlanAndLimitsTest.field;
import static dev.orgplatform.billing.PlanAndLimitsTest.limit;
import static dev.orgplatform.billing.PlanAndLimitsTest.path;
import static dev.orgplatform.billing.PlanAndLimitsTest.setLimit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.Concurrently;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A tree is billed at its root: its organizations draw on the root's plan and limits, and usage counts across it. */
@QuarkusTest
@QuarkusTestResource(BillingServiceStack.class)
class TreeBillingTest {

    @Test
    void theOrganizationsOfATreeShareTheRootsLimitExactlyUnderConcurrentReservations() throws Exception {
        UUID root = openedOrganization();
        UUID team = openedSubOrganization(root, root);
        UUID squad = openedSubOrganization(team, root);
        List<UUID> tree = List.of(root, team, squad);

        List<Integer> statuses = Concurrently.run(60, i -> reserve(tree.get(i % 3), "users", 1, "tree-" + i).statusCode());
        assertEquals(49, statuses.stream().filter(s -> s == 201).count(), "the Free plan's 50 users minus the Owner's seat, tree-wide: "
                + statuses);
        assertEquals(11, statuses.stream().filter(s -> s == 409).count(), "every other one refused: " + statuses);

        for (UUID org : tree) {
            BillingFixture.limits(org).then().statusCode(200).body("billingOrganizationId", equalTo(root.toString()))
                    .body("plan", equalTo("FREE")).body(limit("users"), equalTo(50)).body(field("users", "used"), equalTo(50));
        }
        assertEquals(50, tree.stream().mapToInt(org -> usedHere(org, "users")).sum(), "each organization's own seats add up to the tree's");
        assertEquals(0, usedHere(team, "webhooks"));
        // the tree's alerts are the root's, whichever organization's seat crossed the threshold
        BillingFixture.kafka().await("billing", r -> root.toString().equals(r.key())
                && "UsageThresholdCrossed".equals(KafkaEvents.header(r, "ce_type")) && r.value().contains("\"thresholdPercent\":100")
                && r.value().contains("\"used\":50"), Duration.ofSeconds(20));

        reserve(squad, "users", 1, "one-more").then().statusCode(409).contentType("application/problem+json")
                .body("limit", equalTo(50)).body("used", equalTo(50)).body("billingOrganizationId", equalTo(root.toString()))
                .body("detail", containsString("root organization " + root));

        // a seat freed anywhere in the tree can be taken anywhere else in it
        String teamSeat = reserve(team, "users", 1, "tree-1").then().statusCode(201).extract().path("id");
        given().auth().oauth2(serviceToken()).when().post(reservations(team) + "/" + teamSeat + "/release").then().statusCode(200);
        reserve(root, "users", 1, "after-release").then().statusCode(201);
        assertEquals(50, used(squad, "users"));
    }

    @Test
    void anotherTreesUsageNeverCounts() throws Exception {
        UUID root = openedOrganization();
        UUID sub = openedSubOrganization(root, root);
        UUID otherRoot = openedOrganization();
        UUID otherSub = openedSubOrganization(otherRoot, otherRoot);

        Concurrently.run(20, i -> reserve(i % 2 == 0 ? sub : otherSub, "webhooks", 1, "w-" + i).statusCode());
        assertEquals(10, used(root, "webhooks"));
        assertEquals(10, used(otherRoot, "webhooks"));
        assertEquals(0, usedHere(root, "webhooks"));
    }

    @Test
    void planLimitsAndThresholdsAreSetAtTheRootOnlyAndHoldForTheWholeTree() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID root = openedOrganization(UUID.fromString(owner.id()), owner.email());
        UUID sub = openedSubOrganization(root, root);
        UUID leaf = openedSubOrganization(sub, root);
        QuarkusMock.installMockForType(new GrantedAccess()
                .grant(owner.id(), root, Role.OWNER, "billing:read", "billing:manage")
                .grant(owner.id(), sub, Role.OWNER, "billing:read", "billing:manage")
                .grant(owner.id(), leaf, Role.OWNER, "billing:read", "billing:manage"), AccessPolicy.class);

        for (var refused : List.of(
                given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("plan", "PRO"))
                        .when().put(path(sub, "/plan")),
                setLimit(owner, leaf, "webhooks", 40),
                given().auth().oauth2(owner.token()).header("If-Match", "*").when().delete(path(sub, "/limits/users")),
                given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON)
                        .body(Map.of("thresholds", List.of(50))).when().put(path(leaf, "/alerts")))) {
            refused.then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Set at the root organization"))
                    .body("billingOrganizationId", equalTo(root.toString()));
        }

        given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("plan", "PRO"))
                .when().put(path(root, "/plan")).then().statusCode(200).body("plan", equalTo("PRO"));
        given().auth().oauth2(owner.token()).when().get(path(leaf, "/limits")).then().statusCode(200)
                .body("plan", equalTo("PRO")).body(limit("users"), equalTo(200)).body(limit("webhooks"), equalTo(60));

        // a limit is never set below what the tree uses, though the root itself uses none of it
        reserve(leaf, "webhooks", 5, "leaf-hooks").then().statusCode(201);
        reserve(sub, "webhooks", 2, "sub-hooks").then().statusCode(201);
        setLimit(owner, root, "webhooks", 6).then().statusCode(409).body("title", equalTo("Limit below usage")).body("used", equalTo(7));
        setLimit(owner, root, "webhooks", 7).then().statusCode(200).body(limit("webhooks"), equalTo(7)).body(field("webhooks", "used"), equalTo(7))
                .body(field("webhooks", "usedHere"), equalTo(0));
        reserve(sub, "webhooks", 1, "no-room").then().statusCode(409).body("title", equalTo("Limit reached"));
    }
}
