package dev.orgplatform.org;

import static dev.orgplatform.org.OverHttp.ORGS;
import static dev.orgplatform.org.OverHttp.as;
import static dev.orgplatform.org.OverHttp.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The gate comes first on every endpoint: a stranger learns nothing (the same 404 as for an id that does not
 * exist), a member lacking the permission gets 403, and only then does the service read or judge the request.
 */
@QuarkusTest
@QuarkusTestResource(OrgServiceStack.class)
class OrganizationGateTest {

    private static TestUsers.User alice;
    private static TestUsers.User stranger;
    private static TestUsers.User viewer;
    private static TestUsers.User nobody;

    @Inject
    OrganizationRepository repository;

    private GrantedAccess access;

    @BeforeAll
    static void users() {
        alice = TestUsers.create("alice");
        stranger = TestUsers.create("stranger");
        viewer = TestUsers.create("viewer");
        nobody = TestUsers.create("nobody");
    }

    @BeforeEach
    void access() {
        access = Fixtures.grantedAccess();
    }

    @Test
    void aStrangerGetsTheSame404AsForAnUnknownIdOnEveryEndpoint() {
        Map<String, Object> o = OverHttp.root(alice, access);
        UUID target = id(OverHttp.child(alice, id(o), access));
        UUID unknown = UUID.randomUUID();
        List<OverHttp.Call> existing = OverHttp.gatedEndpoints(id(o), (String) o.get("name"), target);
        List<OverHttp.Call> absent = OverHttp.gatedEndpoints(unknown, (String) o.get("name"), target);
        for (int i = 0; i < existing.size(); i++) {
            Response toStranger = existing.get(i).as(stranger);
            Response toAnyone = absent.get(i).as(alice);
            String name = existing.get(i).name();
            assertEquals(404, toStranger.statusCode(), name + ": " + toStranger.asString());
            assertEquals(404, toAnyone.statusCode(), name + ": " + toAnyone.asString());
            assertEquals(OverHttp.shape(toAnyone, unknown), OverHttp.shape(toStranger, id(o)), name);
        }
        as(alice).when().get(ORGS + "/" + id(o)).then().statusCode(200);
    }

    @Test
    void aMemberLackingThePermissionGets403OnEveryEndpoint() {
        Map<String, Object> o = OverHttp.root(alice, access);
        UUID target = id(OverHttp.child(alice, id(o), access));
        access.grant(nobody.id(), id(o), Role.VIEWER).grant(nobody.id(), target, Role.VIEWER);
        for (OverHttp.Call call : OverHttp.gatedEndpoints(id(o), (String) o.get("name"), target)) {
            Response r = call.as(nobody);
            assertEquals(403, r.statusCode(), call.name() + ": " + r.asString());
            assertEquals("application/problem+json", r.contentType(), call.name());
        }

        access.grant(viewer.id(), id(o), Role.VIEWER, Fixtures.VIEWER).grant(viewer.id(), target, Role.VIEWER, Fixtures.VIEWER);
        List<String> reads = List.of("GET organization", "list children", "ancestors", "subtree");
        for (OverHttp.Call call : OverHttp.gatedEndpoints(id(o), (String) o.get("name"), target)) {
            Response r = call.as(viewer);
            assertEquals(reads.contains(call.name()) ? 200 : 403, r.statusCode(), call.name() + ": " + r.asString());
        }
    }

    @Test
    void refusalsOfTheRequestComeOnlyAfterTheGate() {
        Map<String, Object> o = OverHttp.root(alice, access);
        String url = ORGS + "/" + id(o);
        access.grant(viewer.id(), id(o), Role.VIEWER, Fixtures.VIEWER);

        // a wrong confirmation: 404 to a stranger, 403 to a viewer, 400 only to the Owner
        for (var who : List.of(Map.entry(stranger, 404), Map.entry(viewer, 403), Map.entry(alice, 400))) {
            as(who.getKey()).queryParam("confirm", "not-its-name").when().delete(url).then().statusCode(who.getValue());
        }
        as(alice).queryParam("confirm", "not-its-name").when().delete(url).then().body("errors.field", hasItem("confirm"));
        // a stale ETag: 404, 403, then 412
        for (var who : List.of(Map.entry(stranger, 404), Map.entry(viewer, 403), Map.entry(alice, 412))) {
            as(who.getKey()).header("If-Match", "\"41\"").contentType(ContentType.JSON).body(Map.of("displayName", "x"))
                    .when().patch(url).then().statusCode(who.getValue());
        }
        // ownership to its own Owner: 404, 403, then 409
        for (var who : List.of(Map.entry(stranger, 404), Map.entry(viewer, 403), Map.entry(alice, 409))) {
            as(who.getKey()).contentType(ContentType.JSON).body(Map.of("newOwnerId", alice.id()))
                    .when().post(url + "/ownership").then().statusCode(who.getValue());
        }
        // a missing If-Match is refused before anyone is asked: it tells nothing about the organization
        as(stranger).contentType(ContentType.JSON).body(Map.of("displayName", "x")).when().patch(url).then().statusCode(428);
    }

    @Test
    void aMoveNeedsUpdateOnTheOrganizationAndCreateChildOnTheNewParent() {
        Map<String, Object> root = OverHttp.root(alice, access);
        UUID a = id(OverHttp.child(alice, id(root), access));
        UUID b = id(OverHttp.child(alice, id(root), access));
        String move = ORGS + "/" + a + "/move";

        // a new parent the caller may not see: the same 404 as an unknown one, naming newParentId
        access.revoke(alice.id(), b);
        UUID unknown = UUID.randomUUID();
        Response hidden = as(alice).contentType(ContentType.JSON).body(Map.of("newParentId", b, "dryRun", true)).when().post(move);
        Response absent = as(alice).contentType(ContentType.JSON).body(Map.of("newParentId", unknown, "dryRun", true)).when().post(move);
        hidden.then().statusCode(404).body("errors.field", hasItem("newParentId"));
        assertEquals(OverHttp.shape(absent, unknown), OverHttp.shape(hidden, b));

        // visible, but no right to add children there
        access.grant(alice.id(), b, Role.VIEWER, Fixtures.VIEWER);
        as(alice).contentType(ContentType.JSON).body(Map.of("newParentId", b, "dryRun", true)).when().post(move)
                .then().statusCode(403).body("errors.field", hasItem("newParentId"))
                .body("detail", containsString("organization:create-child"));

        // the right on the target, not on the organization moved
        access.grant(alice.id(), b, Role.ADMIN, Fixtures.ADMIN).grant(alice.id(), a, Role.VIEWER, Fixtures.VIEWER);
        as(alice).contentType(ContentType.JSON).body(Map.of("newParentId", b, "dryRun", true)).when().post(move)
                .then().statusCode(403).body("detail", containsString("organization:update"));

        access.grant(alice.id(), a, Role.ADMIN, Fixtures.ADMIN);
        as(alice).contentType(ContentType.JSON).body(Map.of("newParentId", b, "dryRun", true)).when().post(move)
                .then().statusCode(200).body("dryRun", equalTo(true)).body("newParentId", equalTo(b.toString()));
    }

    @Test
    void restoreIsTheStoredOwnersOrNeedsThePermission() {
        Map<String, Object> o = OverHttp.root(alice, access);
        UUID id = id(o);
        markPendingDeletion(id);
        String restore = ORGS + "/" + id + "/restore";

        // a stranger: the same 404 as for an id that does not exist
        UUID unknown = UUID.randomUUID();
        Response toStranger = as(stranger).when().post(restore);
        Response toAnyone = as(alice).when().post(ORGS + "/" + unknown + "/restore");
        assertEquals(404, toStranger.statusCode());
        assertEquals(OverHttp.shape(toAnyone, unknown), OverHttp.shape(toStranger, id));
        // a member lacking organization:restore
        access.grant(nobody.id(), id, Role.ADMIN, Fixtures.ADMIN);
        as(nobody).when().post(restore).then().statusCode(403);
        // someone holding it (an Owner above, say)
        access.grant(viewer.id(), id, Role.OWNER, "organization:restore");
        as(viewer).when().post(restore).then().statusCode(200).body("state", equalTo("ACTIVE"));

        // the stored Owner needs no grant at all (user-service no longer sees the organization)
        markPendingDeletion(id);
        access.revoke(alice.id(), id);
        as(alice).when().post(restore).then().statusCode(200).body("state", equalTo("ACTIVE"));
        Fixtures.event("OrganizationRestored", id);
    }

    private void markPendingDeletion(UUID id) {
        Fixtures.await(() -> Panache.withTransaction(() -> repository.findById(id).invoke(o -> {
            o.state = OrganizationState.PENDING_DELETION;
            o.purgeAfter = Instant.now().plus(Duration.ofDays(7));
        })));
    }
}
