package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.Concurrently;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Seats stay exact with 20 requests at once across the packaged services: members accepting a second invitation keep
 * one seat each, and members removed give back their seat and their API keys' seats (their keys revoked).
 */
class SeatsIT {

    private static final int N = 20;
    private static Flows flows;

    @BeforeAll
    static void startTheSuite() {
        LocalStack stack = Suite.services();
        flows = new Flows(stack);
    }

    @Test
    void twentyMembersAcceptingSecondInvitationsThenRemovedWithTheirKeysLeaveExactCounts() throws Exception {
        TestUsers.User owner = TestUsers.create("seats-owner");
        String org = flows.organization(owner);
        List<TestUsers.User> members = Concurrently.run(N, i -> flows.member(owner, org, "DEVELOPER"));
        List<String> keys = Concurrently.run(N, i -> (String) flows.createKey(members.get(i), org, List.of("read")).get("secret"));
        assertEquals(1 + N, used(owner, org, "users"), "the Owner and 20 members");
        assertEquals(N, used(owner, org, "apiKeys"), "one seat per key");

        // each invited again, all accepting at once: still one seat each
        List<Flows.Invitation> again = Concurrently.run(N, i -> flows.invite(owner, org, members.get(i).email(), "MANAGER"));
        assertEquals(1 + 2 * N, used(owner, org, "users"), "pending invitations hold seats");
        Concurrently.run(N, i -> flows.accept(members.get(i), again.get(i).token()).then().statusCode(200).extract().statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> used(owner, org, "users") == 1 + N);

        // all removed at once: their seats and their keys' seats come back, their keys stop working
        Concurrently.run(N, i -> given().auth().oauth2(owner.token())
                .delete(flows.url("user-service") + "/api/v1/organizations/" + org + "/members/" + members.get(i).id())
                .then().statusCode(204).extract().statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> used(owner, org, "users") == 1 && used(owner, org, "apiKeys") == 0);
        for (String key : keys) { // other services remember a valid answer for at most 0.5 s
            await().atMost(Duration.ofSeconds(2)).until(() ->
                    Http.get(flows.url("org-service") + "/api/v1/organizations?limit=1", Http.apiKey(key)).status() == 401);
        }
        Figures.line("seats: 20 members accepting a second invitation at once hold 20 seats; 20 removed at once with their "
                + "20 keys give back 20 user seats and 20 API-key seats");
    }

    @Test
    void twentyInvitationsAtOnceAcrossATreeTakeExactlyTheSeatsLeftUnderTheRootsLimit() throws Exception {
        TestUsers.User owner = TestUsers.create("tree-owner");
        String root = flows.treeRoot(owner);
        String kid = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "kid-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Kid"))
                .when().post(flows.url("org-service") + "/api/v1/organizations/" + root + "/children").then().statusCode(201)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> limits(owner, kid).statusCode() == 200);
        given().auth().oauth2(owner.token()).header("If-Match", limits(owner, root).header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("limit", 15)).when().put(flows.url("billing-service") + "/api/v1/organizations/" + root + "/limits/users")
                .then().statusCode(200);

        List<Integer> statuses = Concurrently.run(N, i -> given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "tree-" + UUID.randomUUID() + "@example.com", "name", "Invited", "role", "DEVELOPER",
                        "teams", List.of("My Team")))
                .when().post(flows.url("invitation-service") + "/api/v1/organizations/" + (i % 2 == 0 ? root : kid) + "/invitations")
                .statusCode());
        assertEquals(14, statuses.stream().filter(s -> s == 201).count(), "the root's 15 seats minus its Owner's: " + statuses);
        assertEquals(6, statuses.stream().filter(s -> s == 409).count(), "the rest refused: " + statuses);
        assertEquals(15, used(owner, kid, "users"), "the sub-organization sees the tree's usage");
        assertEquals(15, usedHere(owner, root) + usedHere(owner, kid));
        limits(owner, kid).then().body("billingOrganizationId", equalTo(root)).body("resources.find { it.resource == 'users' }.limit",
                equalTo(15));
        Figures.line("seats: 20 invitations at once into a root and its sub-organization take exactly the 14 seats left under the "
                + "root's limit of 15");
    }

    private static Response limits(TestUsers.User owner, String org) {
        return given().auth().oauth2(owner.token()).get(flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits");
    }

    private static long used(TestUsers.User owner, String org, String resource) {
        Number used = limits(owner, org).then().statusCode(200).extract().path("resources.find { it.resource == '" + resource + "' }.used");
        return used.longValue();
    }

    private static long usedHere(TestUsers.User owner, String org) {
        Number used = limits(owner, org).then().statusCode(200).extract().path("resources.find { it.resource == 'users' }.usedHere");
        return used.longValue();
    }
}
