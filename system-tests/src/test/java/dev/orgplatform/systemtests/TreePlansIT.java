package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.Concurrently;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * Sub-organizations are a feature of the plan (Pro and higher): on Free and Plus a sub-organization is refused naming
 * the plan, and nothing is created or held for it; on Pro they are counted per tree; a change to a plan without them
 * is refused while any exist, listing them, and succeeds once they are purged. A downgrade racing creations never
 * leaves a tree on a plan without sub-organizations with one in it.
 */
class TreePlansIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static Flows flows;

    @BeforeAll
    static void theSuite() {
        stack = Suite.services(); // org-service purges 15 s after a deletion here (Suite.ENV)
        flows = new Flows(stack);
    }

    @Test
    void freeAndPlusRefuseSubOrganizationsProCountsThemAndADowngradeWaitsUntilTheyAreGone() throws Exception {
        TestUsers.User owner = TestUsers.create("plans-owner");
        String root = flows.organization(owner);

        for (String plan : List.of("FREE", "PLUS")) {
            if (!plan.equals("FREE")) {
                flows.plan(owner, root, plan);
            }
            Http.Answer refused = createChild(owner, root, "nope");
            assertEquals(409, refused.status(), refused::toString);
            JsonNode problem = JSON.readTree(refused.body());
            assertEquals("Not in plan", problem.path("title").asText(), refused::toString);
            assertEquals(plan, problem.path("plan").asText());
            assertEquals("PRO", problem.path("includedFrom").asText());
            assertTrue(problem.path("detail").asText().contains("the " + plan + " plan"), refused::toString);
        }
        assertEquals(0, children(owner, root).size(), "nothing was created");
        assertEquals(0, subOrganizationsUsed(owner, root), "nothing stays held for the refused");

        flows.plan(owner, root, "PRO");
        JsonNode limits = JSON.readTree(Http.get(limitsUrl(root), Http.bearer(owner.token())).body());
        assertTrue(limits.path("features").toString().contains("subOrganizations"), limits::toString);
        assertEquals("PRO", limits.path("featuresFrom").path("subOrganizations").asText(), limits::toString);
        assertEquals("BUSINESS", limits.path("featuresFrom").path("subOrganizationTypes").asText(), limits::toString);
        String a = id(createChild(owner, root, "a"));
        String b = id(createChild(owner, a, "b"));
        assertEquals(2, subOrganizationsUsed(owner, root), "counted across the tree");

        // a plan without them is refused while they exist, listing them; the plan stays
        Http.Answer downgrade = changePlan(owner, root, "PLUS");
        assertEquals(409, downgrade.status(), downgrade::toString);
        JsonNode inUse = JSON.readTree(downgrade.body());
        assertEquals("Feature in use", inUse.path("title").asText());
        assertTrue(inUse.path("subOrganizations").toString().contains(a) && inUse.path("subOrganizations").toString().contains(b),
                downgrade::toString);
        assertEquals("PRO", JSON.readTree(Http.get(limitsUrl(root), Http.bearer(owner.token())).body()).path("plan").asText());

        // once purged, a unit comes back: b leaves root with a alone, and a second root with one sub-organization may then
        // go to Free (both purged in one grace period: a parent would wait a whole one for its sub-organization's purge)
        String root2 = flows.treeRoot(owner);
        String c = id(createChild(owner, root2, "c"));
        long held = subOrganizationsUsed(owner, root);
        for (String gone : List.of(b, c)) {
            given().auth().oauth2(owner.token()).when().delete(orgsUrl() + "/" + gone + "?confirm=" + name(owner, gone)).then().statusCode(202);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> subOrganizationsUsed(owner, root) == held - 1 && subOrganizationsUsed(owner, root2) == 0);
        Http.Answer onlyA = changePlan(owner, root, "PLUS");
        assertEquals(409, onlyA.status(), onlyA::toString);
        String listed = JSON.readTree(onlyA.body()).path("subOrganizations").toString();
        assertTrue(listed.contains(a) && !listed.contains(b), () -> "only what is left is listed: " + onlyA);
        Http.Answer free = changePlan(owner, root2, "FREE");
        assertEquals(200, free.status(), free::toString);
        Figures.line("plans: a sub-organization refused on FREE and PLUS naming the plan (409, nothing held); on PRO two counted; "
                + "a downgrade refused listing what exists, accepted once it was purged");
    }

    @Test
    void aDowngradeRacingCreationsNeverLeavesASubOrganizationOnAPlanWithoutThem() throws Exception {
        TestUsers.User owner = TestUsers.create("plans-race");
        String root = flows.treeRoot(owner);
        List<Http.Answer> answers = Concurrently.run(11, i -> i == 5 ? changePlan(owner, root, "FREE") : createChild(owner, root, "r" + i));
        Http.Answer downgrade = answers.get(5);
        List<Http.Answer> creations = new ArrayList<>(answers);
        creations.remove(5);
        long created = creations.stream().filter(c -> c.status() == 201).count();
        assertEquals(List.of(), creations.stream().filter(c -> c.status() != 201 && c.status() != 409).toList(), "created or refused");
        String plan = JSON.readTree(Http.get(limitsUrl(root), Http.bearer(owner.token())).body()).path("plan").asText();
        if (downgrade.status() == 200) {
            assertEquals("FREE", plan);
            assertEquals(0, created, "the plan went to FREE: no sub-organization may exist");
        } else {
            assertEquals(409, downgrade.status(), downgrade::toString);
            assertEquals("PRO", plan);
            assertTrue(created > 0, "the downgrade was refused because some were created");
        }
        assertEquals(created, children(owner, root).size(), "what was answered 201 exists, nothing else");
        assertEquals(created, subOrganizationsUsed(owner, root), "each one counted once");
        Figures.line("plans: a downgrade to FREE racing 10 sub-organization creations: downgrade " + downgrade.status() + ", "
                + created + " created, plan " + plan);
    }

    @Test
    void aSubOrganizationIsAClientUnlessTheBusinessPlanAllowsAnotherTypeAndIsFoundByItsType() throws Exception {
        TestUsers.User owner = TestUsers.create("plans-types");
        String root = flows.treeRoot(owner);
        JsonNode types = JSON.readTree(Http.get(orgsUrl() + "/" + root + "/sub-organization-types", Http.bearer(owner.token())).body());
        assertEquals("client", types.path("defaultType").asText(), types::toString);
        assertTrue(types.path("types").toString().contains("partner"), types::toString);

        String client = id(createChild(owner, root, "cl"));
        assertEquals("client", JSON.readTree(Http.get(orgsUrl() + "/" + client, Http.bearer(owner.token())).body()).path("type").asText());
        Http.Answer partnerOnPro = createTyped(owner, root, "partner");
        assertEquals(409, partnerOnPro.status(), partnerOnPro::toString);
        JsonNode notInPlan = JSON.readTree(partnerOnPro.body());
        assertEquals("PRO", notInPlan.path("plan").asText());
        assertEquals("BUSINESS", notInPlan.path("includedFrom").asText(), partnerOnPro::toString);
        Http.Answer unknown = createTyped(owner, root, "spaceship");
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("\"field\":\"type\""), unknown::toString);

        flows.plan(owner, root, "BUSINESS");
        String partner = id(createTyped(owner, root, "partner"));
        String byType = Http.get(orgsUrl() + "/" + root + "/children?type=partner", Http.bearer(owner.token())).body();
        assertTrue(byType.contains(partner) && !byType.contains(client), byType);
        String searched = Http.get(orgsUrl() + "?type=partner&parentId=" + root, Http.bearer(owner.token())).body();
        assertTrue(searched.contains(partner) && !searched.contains(client), searched);
        String clients = Http.get(orgsUrl() + "?type=client&parentId=" + root, Http.bearer(owner.token())).body();
        assertTrue(clients.contains(client) && !clients.contains(partner), clients);
        Figures.line("plans: a sub-organization is a client by default; a partner refused on PRO (409 naming BUSINESS), created on "
                + "BUSINESS, found by its type in the children and the search");
    }

    @Test
    void theOwnerListsTheSubOrganizationsWithoutAnAdminOfTheirOwn() throws Exception {
        TestUsers.User owner = TestUsers.create("plans-admins");
        String root = flows.treeRoot(owner);
        String staffed = id(createChild(owner, root, "staffed"));
        String bare = id(createChild(owner, root, "bare"));
        TestUsers.User admin = TestUsers.create("sub-admin");
        Flows.Invitation invitation = flows.invite(owner, staffed, admin.email(), "ADMIN");
        flows.accept(admin, invitation.token()).then().statusCode(200);
        String url = flows.url("user-service") + "/api/v1/organizations/" + root + "/sub-organizations-without-admin";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String without = Http.get(url, Http.bearer(owner.token())).body();
            assertTrue(without.contains(bare) && !without.contains(staffed) && !without.contains(root), without);
        });
        Http.Answer asTheirAdmin = Http.get(flows.url("user-service") + "/api/v1/organizations/" + root + "/sub-organizations-without-admin",
                Http.bearer(admin.token()));
        assertTrue(asTheirAdmin.status() == 403 || asTheirAdmin.status() == 404, "an Admin below sees nothing of the root: " + asTheirAdmin);
        Figures.line("plans: of two sub-organizations, the one whose Admin accepted an invitation is not listed as without an Admin");
    }

    private static Http.Answer createTyped(TestUsers.User owner, String parent, String type) {
        return Http.post(orgsUrl() + "/" + parent + "/children", Http.bearer(owner.token()),
                "{\"name\":\"t-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"displayName\":\"Typed\",\"type\":\"" + type + "\"}");
    }

    private static Http.Answer createChild(TestUsers.User owner, String parent, String prefix) {
        return Http.post(orgsUrl() + "/" + parent + "/children", Http.bearer(owner.token()),
                "{\"name\":\"" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"displayName\":\"Sub\"}");
    }

    private static Http.Answer changePlan(TestUsers.User owner, String root, String plan) {
        String etag = given().auth().oauth2(owner.token()).get(limitsUrl(root)).then().statusCode(200).extract().header("ETag");
        return Http.send("PUT", flows.url("billing-service") + "/api/v1/organizations/" + root + "/plan",
                Map.of("Authorization", "Bearer " + owner.token(), "If-Match", etag), "{\"plan\":\"" + plan + "\"}");
    }

    private static List<Object> children(TestUsers.User owner, String root) {
        return given().auth().oauth2(owner.token()).get(orgsUrl() + "/" + root + "/children").then().statusCode(200).extract().path("items");
    }

    private static long subOrganizationsUsed(TestUsers.User owner, String root) throws Exception {
        return Flows.quota(flows.url("billing-service"), owner, root, "subOrganizations").path("used").asLong();
    }

    private static String name(TestUsers.User owner, String org) {
        return given().auth().oauth2(owner.token()).get(orgsUrl() + "/" + org).then().statusCode(200).extract().path("name");
    }

    private static String id(Http.Answer created) throws Exception {
        assertEquals(201, created.status(), created::toString);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static String orgsUrl() {
        return flows.url("org-service") + "/api/v1/organizations";
    }

    private static String limitsUrl(String org) {
        return flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits";
    }
}
