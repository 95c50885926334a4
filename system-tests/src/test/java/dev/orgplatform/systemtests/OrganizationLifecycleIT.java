package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An organization's lifecycle through the packaged services, with user-service and billing-service
 * answering for real: authorization, the tree, updates, deletion preconditions, restore, ownership, and the
 * purge once the grace period (shortened by configuration, as a deployment could) is over.
 */
class OrganizationLifecycleIT {

    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services(); // with org-service's grace period shortened to 15 s (Suite.ENV)
    }


    @Test
    void treeUpdatesDeletionRestoreTransferAndPurge() {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User mallory = TestUsers.create("mallory");
        String name = "life-" + System.nanoTime();
        String org = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "displayName", "Lifecycle", "region", "EU"))
                .when().post(orgs()).then().statusCode(201).extract().path("id");
        // read-your-writes: the creating call answered once its author can use it everywhere
        given().auth().oauth2(alice.token()).when().get(orgs() + "/" + org).then().statusCode(200);
        new Flows(stack).plan(alice, org, "PRO"); // sub-organizations come with Pro

        // updates: If-Match required, a stale one refused, region fixed
        String etag = given().auth().oauth2(alice.token()).when().get(orgs() + "/" + org).then().extract().header("ETag");
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("displayName", "Renamed")).when().patch(orgs() + "/" + org)
                .then().statusCode(200).body("displayName", equalTo("Renamed"));
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("displayName", "Stale")).when().patch(orgs() + "/" + org).then().statusCode(412);

        // a stranger is refused everywhere and finds nothing
        given().auth().oauth2(mallory.token()).when().get(orgs() + "/" + org).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().get(orgs() + "/" + org + "/subtree").then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().get(orgs() + "/" + org + "/settings").then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().delete(orgs() + "/" + org + "?confirm=" + name).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().get(orgs() + "?name=" + name).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(alice.token()).when().get(orgs() + "?name=" + name).then().statusCode(200)
                .body("items.id", hasItem(org));

        // a sub-organization blocks the deletion: 409 listing it
        String childName = name + "-child";
        String child = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", childName, "displayName", "Child"))
                .when().post(orgs() + "/" + org + "/children").then().statusCode(201).body("depth", equalTo(2)).extract().path("id");
        given().auth().oauth2(alice.token()).when().get(orgs() + "/" + child).then().statusCode(200);
        given().auth().oauth2(alice.token()).when().delete(orgs() + "/" + org + "?confirm=wrong").then().statusCode(400)
                .body("errors.field", hasItem("confirm"));
        given().auth().oauth2(alice.token()).when().delete(orgs() + "/" + org + "?confirm=" + name).then().statusCode(409)
                .body("unmet.condition", hasItem("sub-organizations"));

        // transfer to someone who is not a member: user-service says so
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("newOwnerId", mallory.id()))
                .when().post(orgs() + "/" + org + "/ownership").then().statusCode(409).body("errors.field", hasItem("newOwnerId"));

        // the child goes first, then the organization itself
        given().auth().oauth2(alice.token()).when().delete(orgs() + "/" + child + "?confirm=" + childName).then().statusCode(202);
        // a child pending deletion can still be restored, so it blocks its parent until it is purged
        given().auth().oauth2(alice.token()).when().delete(orgs() + "/" + org + "?confirm=" + name).then().statusCode(409)
                .body("unmet.condition", hasItem("sub-organizations"));
        new KafkaEvents(stack.config().kafkaBootstrap()).await("organizations",
                r -> child.equals(r.key()) && "OrganizationPurged".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(90));
        given().auth().oauth2(alice.token()).when().delete(orgs() + "/" + org + "?confirm=" + name).then().statusCode(202)
                .body("state", equalTo("PENDING_DELETION"));
        given().auth().oauth2(alice.token()).when().get(orgs() + "/" + org).then().statusCode(404);
        // pending deletion answers as if absent on every service, to its Owner too
        String base = "http://127.0.0.1:";
        for (String url : java.util.List.of(
                base + stack.config().servicePort("user-service") + "/api/v1/organizations/" + org + "/members",
                base + stack.config().servicePort("invitation-service") + "/api/v1/organizations/" + org + "/invitations",
                base + stack.config().servicePort("billing-service") + "/api/v1/organizations/" + org + "/limits")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(alice.token()).when().get(url)
                    .then().statusCode(404));
        }
        given().auth().oauth2(mallory.token()).when().post(orgs() + "/" + org + "/restore")
                .then().statusCode(anyOf(is(403), is(404)));
        given().auth().oauth2(alice.token()).when().post(orgs() + "/" + org + "/restore").then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        // restoring what is active is told so, to whoever may read it
        given().auth().oauth2(alice.token()).when().post(orgs() + "/" + org + "/restore").then().statusCode(409)
                .body("title", equalTo("Not pending deletion")).body("detail", containsString("is ACTIVE"));
        given().auth().oauth2(mallory.token()).when().post(orgs() + "/" + org + "/restore").then().statusCode(404);
        given().auth().oauth2(alice.token()).when().get(orgs() + "/" + org).then().statusCode(200);

        // deleted again, and purged once the grace period is over
        given().auth().oauth2(alice.token()).when().delete(orgs() + "/" + org + "?confirm=" + name).then().statusCode(202);
        KafkaEvents kafka = new KafkaEvents(stack.config().kafkaBootstrap());
        kafka.await("organizations", r -> org.equals(r.key()) && "OrganizationPurged".equals(KafkaEvents.header(r, "ce_type")),
                Duration.ofSeconds(90));
        Response restore = given().auth().oauth2(alice.token()).when().post(orgs() + "/" + org + "/restore");
        restore.then().statusCode(404);
        given().auth().oauth2(alice.token()).when().get(orgs() + "?name=" + name + "&state=PENDING_DELETION").then().statusCode(200)
                .body("items.id", not(hasItem(org)));
    }

    @Test
    void aSubOrganizationIsDeletedAndRestoredFromAboveAndItsCreatorHoldsNothingThere() {
        Flows flows = new Flows(stack);
        TestUsers.User alice = TestUsers.create("above-owner");
        String root = flows.treeRoot(alice);
        TestUsers.User bob = flows.member(alice, root, "ADMIN");
        String name = "kid-" + UUID.randomUUID().toString().substring(0, 8);
        String kid = given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("name", name, "displayName", "Kid"))
                .when().post(orgs() + "/" + root + "/children").then().statusCode(201).body("ownerId", nullValue())
                .extract().path("id");
        TestUsers.User carol = flows.member(alice, kid, "ADMIN"); // an Admin of the sub-organization only

        given().auth().oauth2(carol.token()).when().delete(orgs() + "/" + kid + "?confirm=" + name).then().statusCode(403)
                .body("detail", containsString("managed from above"));
        given().auth().oauth2(carol.token()).contentType(ContentType.JSON).body(Map.of("newOwnerId", carol.id()))
                .when().post(orgs() + "/" + kid + "/ownership").then().statusCode(403);
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("newOwnerId", carol.id()))
                .when().post(orgs() + "/" + kid + "/ownership").then().statusCode(409).body("errors.field", hasItem("newOwnerId"));
        // carol leaves first: a sub-organization with members of its own cannot be deleted
        given().auth().oauth2(alice.token()).when().delete(flows.url("user-service") + "/api/v1/organizations/" + kid + "/members/"
                + carol.id()).then().statusCode(204);
        given().auth().oauth2(bob.token()).when().delete(orgs() + "/" + kid + "?confirm=" + name).then().statusCode(202);

        // bob created it, but once he is no longer an Admin above it he cannot restore it, nor learn of its parent
        given().auth().oauth2(alice.token()).when().delete(flows.url("user-service") + "/api/v1/organizations/" + root + "/members/"
                + bob.id()).then().statusCode(204);
        given().auth().oauth2(bob.freshToken()).when().post(orgs() + "/" + kid + "/restore").then().statusCode(404)
                .body("detail", containsString(kid)).body("detail", not(containsString(root)));
        // what is pending deletion is listed to whoever may restore it: the parent's managers, not bob any more
        given().auth().oauth2(bob.freshToken()).when().get(orgs() + "?state=PENDING_DELETION").then().statusCode(200)
                .body("items.id", not(hasItem(kid)));
        given().auth().oauth2(alice.token()).when().get(orgs() + "?state=PENDING_DELETION").then().statusCode(200)
                .body("items.id", hasItem(kid));
        given().auth().oauth2(alice.token()).when().post(orgs() + "/" + kid + "/restore").then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("ownerId", nullValue());
    }

    private static String orgs() {
        return "http://127.0.0.1:" + stack.config().servicePort("org-service") + "/api/v1/organizations";
    }
}
