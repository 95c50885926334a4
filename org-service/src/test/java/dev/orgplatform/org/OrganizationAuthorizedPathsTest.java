package dev.orgplatform.org;

import static dev.orgplatform.org.OverHttp.ORGS;
import static dev.orgplatform.org.OverHttp.as;
import static dev.orgplatform.org.OverHttp.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The authorized paths over HTTP with real tokens, the real database and Kafka; user-service's answers come from
 * {@link GrantedAccess}. Where org-service must ask user-service or billing-service themselves (members, billing
 * preconditions), they are down here: 503, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(OrgServiceStack.class)
class OrganizationAuthorizedPathsTest {

    private static TestUsers.User alice;
    private static TestUsers.User bob;

    private GrantedAccess access;

    @BeforeAll
    static void users() {
        alice = TestUsers.create("alice");
        bob = TestUsers.create("bob");
    }

    @BeforeEach
    void access() {
        access = Fixtures.grantedAccess();
    }

    @Test
    void readsAndChangesTheGeneralFieldsWithIfMatch() {
        Map<String, Object> o = OverHttp.root(alice, access);
        String url = ORGS + "/" + id(o);
        String etag = as(alice).when().get(url).then().statusCode(200).body("name", equalTo(o.get("name")))
                .body("description", equalTo("first")).extract().header("ETag");
        assertEquals("\"0\"", etag);

        as(alice).contentType(ContentType.JSON).body(Map.of("displayName", "Patched")).when().patch(url).then().statusCode(428);
        String patched = as(alice).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("displayName", "Patched"))
                .when().patch(url).then().statusCode(200).body("displayName", equalTo("Patched")).body("description", equalTo("first"))
                .extract().header("ETag");
        assertNotEquals(etag, patched);
        Fixtures.event("OrganizationUpdated", id(o));
        as(alice).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("displayName", "Stale"))
                .when().patch(url).then().statusCode(412).contentType("application/problem+json");
        as(alice).header("If-Match", patched).contentType(ContentType.JSON).body(Map.of("name", "other-" + Fixtures.suffix()))
                .when().patch(url).then().statusCode(400).body("errors.field", hasItem("name"));

        as(alice).header("If-Match", patched).contentType(ContentType.JSON).body(Map.of("description", "no display name"))
                .when().put(url).then().statusCode(400).body("errors.field", hasItem("displayName"));
        as(alice).header("If-Match", patched).contentType(ContentType.JSON).body(Map.of("displayName", "Put"))
                .when().put(url).then().statusCode(200).body("displayName", equalTo("Put")).body("description", nullValue());
        as(alice).when().get(url).then().statusCode(200).body("displayName", equalTo("Put"));
    }

    @Test
    void subOrganizationsTheirListAncestorsAndSubtree() {
        Map<String, Object> root = OverHttp.root(alice, access);
        UUID rootId = id(root);
        String url = ORGS + "/" + rootId;
        Response created = as(alice).contentType(ContentType.JSON).body(Map.of("name", "k-" + Fixtures.suffix(), "displayName", "Kid"))
                .when().post(url + "/children");
        created.then().statusCode(201).header("Location", containsString(ORGS + "/")).header("ETag", "\"0\"")
                .body("depth", equalTo(2)).body("parentId", equalTo(rootId.toString())).body("rootId", equalTo(rootId.toString()))
                .body("region", equalTo("EU")).body("ownerId", nullValue()); // managed from above: no Owner of its own
        as(alice).contentType(ContentType.JSON).body(Map.of("name", "k-" + Fixtures.suffix(), "displayName", "Kid", "region", "US"))
                .when().post(url + "/children").then().statusCode(400).body("errors.field", hasItem("region"));
        UUID a = UUID.fromString(created.path("id"));
        access.grant(alice.id(), a, Role.OWNER, Fixtures.OWNER);
        UUID b = id(OverHttp.child(alice, rootId, access));
        UUID a1 = id(OverHttp.child(alice, a, access));

        Response first = as(alice).queryParam("limit", 1).when().get(url + "/children");
        first.then().statusCode(200).body("items", hasSize(1));
        String cursor = first.path("nextCursor");
        assertNotNull(cursor);
        Response second = as(alice).queryParam("limit", 1).queryParam("cursor", cursor).when().get(url + "/children");
        second.then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        assertEquals(List.of(a, b).stream().map(UUID::toString).sorted().toList(),
                List.of((String) first.path("items[0].id"), (String) second.path("items[0].id")).stream().sorted().toList());
        as(alice).queryParam("cursor", Cursor.encode("two", "keys")).when().get(url + "/children")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        as(alice).queryParam("limit", 101).when().get(url + "/children").then().statusCode(400).body("errors.field", hasItem("limit"));

        as(alice).when().get(ORGS + "/" + a1 + "/ancestors").then().statusCode(200)
                .body("id", equalTo(List.of(rootId.toString(), a.toString())));
        as(alice).when().get(url + "/ancestors").then().statusCode(200).body("", hasSize(0));

        as(alice).when().get(url + "/subtree").then().statusCode(200).body("id", equalTo(rootId.toString()))
                .body("children", hasSize(2))
                .body("children.find { it.id == '" + a + "' }.children[0].id", equalTo(a1.toString()))
                .body("children.find { it.id == '" + a + "' }.children[0].depth", equalTo(3));
    }

    @Test
    void aTreeHasFourLevelsAndNotAFifth() {
        UUID l1 = id(OverHttp.root(alice, access));
        UUID l2 = id(OverHttp.child(alice, l1, access));
        UUID l3 = id(OverHttp.child(alice, l2, access));
        Map<String, Object> l4 = OverHttp.child(alice, l3, access);
        assertEquals(4, l4.get("depth"));
        as(alice).contentType(ContentType.JSON).body(Map.of("name", "five-" + Fixtures.suffix(), "displayName", "Too deep"))
                .when().post(ORGS + "/" + id(l4) + "/children")
                .then().statusCode(409).body("title", equalTo("Tree too deep")).body("maxDepth", equalTo(4));
    }

    @Test
    void aMovePreviewsRefusesAndCarriesTheSubtree() {
        UUID root = id(OverHttp.root(alice, access));
        UUID a = id(OverHttp.child(alice, root, access));
        UUID a1 = id(OverHttp.child(alice, a, access));
        UUID a2 = id(OverHttp.child(alice, a1, access));
        UUID b = id(OverHttp.child(alice, root, access));

        // a (three levels: a, a1, a2) under b would reach level 5
        move(a, b, true).then().statusCode(409).body("title", equalTo("Tree too deep")).body("errors.field", hasItem("newParentId"));
        // into its own subtree, or under itself
        move(a, a2, true).then().statusCode(409).body("title", equalTo("Move refused")).body("errors.field", hasItem("newParentId"));
        move(a, a, false).then().statusCode(409).body("title", equalTo("Move refused"));

        // a1 (two levels) under b: previewed, nothing changes
        move(a1, b, true).then().statusCode(200).body("dryRun", equalTo(true)).body("previousParentId", equalTo(a.toString()))
                .body("subtree.parentId", equalTo(b.toString())).body("subtree.depth", equalTo(3))
                .body("subtree.children[0].id", equalTo(a2.toString())).body("subtree.children[0].depth", equalTo(4));
        as(alice).when().get(ORGS + "/" + a1).then().body("parentId", equalTo(a.toString()));

        move(a1, b, false).then().statusCode(200).body("dryRun", equalTo(false));
        as(alice).when().get(ORGS + "/" + a1).then().body("parentId", equalTo(b.toString())).body("depth", equalTo(3));
        as(alice).when().get(ORGS + "/" + a2).then().body("depth", equalTo(4));
        assertEquals(b.toString(), Fixtures.event("OrganizationMoved", a1).get("newParentId").asText());
    }

    @Test
    void ownSettingsWithIfMatchAndTheEffectiveOnes() {
        UUID root = id(OverHttp.root(alice, access));
        UUID child = id(OverHttp.child(alice, root, access));
        String rootSettings = ORGS + "/" + root + "/settings";
        String etag = as(alice).when().get(rootSettings).then().statusCode(200).body("security.enforce2fa", equalTo(false))
                .body("security.ipAllowlist", hasSize(0)).extract().header("ETag");

        Map<String, Object> strict = Map.of("security", Map.of("enforce2fa", true, "ipAllowlist", List.of("10.0.0.0/8"),
                "maxSessionMinutes", 60, "apiKeyMaxLifetimeDays", 90), "billingContactEmail", "billing@example.com");
        as(alice).contentType(ContentType.JSON).body(strict).when().put(rootSettings).then().statusCode(428);
        // from an address outside the new list: refused, it would shut the caller out
        as(alice).header("If-Match", etag).contentType(ContentType.JSON).body(strict).when().put(rootSettings).then().statusCode(409)
                .body("errors.field", hasItem("security.ipAllowlist"));
        // through this machine (a trusted proxy in tests) from an address inside it
        String next = as(alice).header("X-Forwarded-For", "10.1.2.3").header("If-Match", etag).contentType(ContentType.JSON)
                .body(strict).when().put(rootSettings).then().statusCode(200).body("security.ipAllowlist", equalTo(List.of("10.0.0.0/8"))).extract().header("ETag");
        assertNotEquals(etag, next);
        as(alice).header("If-Match", etag).contentType(ContentType.JSON).body(strict).when().put(rootSettings).then().statusCode(412);
        Fixtures.event("OrganizationSettingsChanged", root);

        String childSettings = ORGS + "/" + child + "/settings";
        String childTag = as(alice).when().get(childSettings).then().statusCode(200).extract().header("ETag");
        as(alice).header("X-Forwarded-For", "10.9.1.1").header("If-Match", childTag).contentType(ContentType.JSON)
                .body(Map.of("security", Map.of("enforce2fa", false, "ipAllowlist", List.of("10.9.0.1/16", "192.168.0.0/16"),
                        "maxSessionMinutes", 120, "apiKeyMaxLifetimeDays", 30)))
                .when().put(childSettings).then().statusCode(200).body("security.ipAllowlist", equalTo(List.of("10.9.0.0/16",
                        "192.168.0.0/16")));
        as(alice).when().get(childSettings + "/effective").then().statusCode(200)
                .body("enforce2fa", equalTo(true)).body("ipAllowlistEnforced", equalTo(true))
                .body("ipAllowlist", equalTo(List.of("10.9.0.0/16"))).body("maxSessionMinutes", equalTo(60))
                .body("apiKeyMaxLifetimeDays", equalTo(30)).body("billingContactEmail", equalTo("billing@example.com"))
                .body("from", equalTo(List.of(root.toString(), child.toString())));
    }

    @Test
    void deletionAndOwnershipDecideWhatTheyCanBeforeAskingOthers() {
        Map<String, Object> o = OverHttp.root(alice, access);
        String url = ORGS + "/" + id(o);
        as(alice).when().delete(url).then().statusCode(400).body("errors.field", hasItem("confirm"));
        as(alice).queryParam("confirm", o.get("name") + "x").when().delete(url).then().statusCode(400)
                .body("errors.field", hasItem("confirm"));
        // the right name: members and billing must be asked, and they do not run here
        as(alice).queryParam("confirm", o.get("name")).when().delete(url).then().statusCode(503)
                .body("title", equalTo("Dependency unavailable"));
        as(alice).when().get(url).then().statusCode(200).body("state", equalTo("ACTIVE"));

        as(alice).contentType(ContentType.JSON).body(Map.of("newOwnerId", alice.id())).when().post(url + "/ownership")
                .then().statusCode(409).body("title", equalTo("Transfer refused")).body("errors.field", hasItem("newOwnerId"));
        as(alice).contentType(ContentType.JSON).body(Map.of("newOwnerId", bob.id())).when().post(url + "/ownership")
                .then().statusCode(503);
        assertNull(as(alice).when().get(url).then().statusCode(200).body("ownerId", equalTo(alice.id())).extract().path("purgeAfter"));
    }

    private static Response move(UUID id, UUID newParentId, boolean dryRun) {
        return as(alice).contentType(ContentType.JSON).body(Map.of("newParentId", newParentId, "dryRun", dryRun))
                .when().post(ORGS + "/" + id + "/move");
    }
}
