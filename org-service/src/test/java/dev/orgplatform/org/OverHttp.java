package dev.orgplatform.org;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * org-service over HTTP with real Keycloak tokens, its authorization answered by {@link GrantedAccess} (roles do
 * not inherit there: each organization's grants are given one by one).
 */
final class OverHttp {

    static final String ORGS = "/api/v1/organizations";

    private OverHttp() {
    }

    /** One endpoint that acts on an organization, sent as a given user. */
    record Call(String name, Function<RequestSpecification, Response> send) {
        Response as(TestUsers.User user) {
            return send.apply(given().auth().oauth2(user.token()));
        }
    }

    static RequestSpecification as(TestUsers.User user) {
        return given().auth().oauth2(user.token());
    }

    /** A new top-level organization of {@code owner}, who is granted an Owner's permissions on it. */
    static Map<String, Object> root(TestUsers.User owner, GrantedAccess access) {
        Map<String, Object> o = as(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "h-" + Fixtures.suffix(), "displayName", "Over HTTP", "description", "first", "region", "EU"))
                .when().post(ORGS).then().statusCode(201).extract().as(Map.class);
        access.grant(owner.id(), id(o), Role.OWNER, Fixtures.OWNER);
        return o;
    }

    /** A new sub-organization made by {@code owner} (granted an Owner's permissions on it too). */
    static Map<String, Object> child(TestUsers.User owner, Object parentId, GrantedAccess access) {
        Map<String, Object> o = as(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "h-" + Fixtures.suffix(), "displayName", "Child"))
                .when().post(ORGS + "/" + parentId + "/children").then().statusCode(201).extract().as(Map.class);
        access.grant(owner.id(), id(o), Role.OWNER, Fixtures.OWNER);
        return o;
    }

    static UUID id(Map<String, Object> organization) {
        return UUID.fromString((String) organization.get("id"));
    }

    /**
     * Every endpoint that acts on organization {@code id} through the gate, each with a valid request (restore
     * reads first and is tested on its own). {@code moveTarget}: the new parent a move names.
     */
    static List<Call> gatedEndpoints(UUID id, String name, UUID moveTarget) {
        String url = ORGS + "/" + id;
        Map<String, Object> settings = Map.of("security", Map.of("enforce2fa", true, "ipAllowlist", List.of("10.0.0.0/8")));
        return List.of(
                new Call("GET organization", r -> r.get(url)),
                new Call("PATCH organization", r -> r.header("If-Match", "\"0\"").contentType(ContentType.JSON)
                        .body(Map.of("displayName", "x")).patch(url)),
                new Call("PUT organization", r -> r.header("If-Match", "\"0\"").contentType(ContentType.JSON)
                        .body(Map.of("displayName", "x")).put(url)),
                new Call("DELETE organization", r -> r.queryParam("confirm", name).delete(url)),
                new Call("transfer ownership", r -> r.contentType(ContentType.JSON).body(Map.of("newOwnerId", UUID.randomUUID()))
                        .post(url + "/ownership")),
                new Call("GET settings", r -> r.get(url + "/settings")),
                new Call("PUT settings", r -> r.header("If-Match", "\"0\"").contentType(ContentType.JSON).body(settings)
                        .put(url + "/settings")),
                new Call("GET effective settings", r -> r.get(url + "/settings/effective")),
                new Call("create child", r -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", "g-" + Fixtures.suffix(), "displayName", "c")).post(url + "/children")),
                new Call("list children", r -> r.get(url + "/children")),
                new Call("ancestors", r -> r.get(url + "/ancestors")),
                new Call("subtree", r -> r.get(url + "/subtree")),
                new Call("move", r -> r.contentType(ContentType.JSON).body(Map.of("newParentId", moveTarget, "dryRun", true))
                        .post(url + "/move")));
    }

    /** A problem body with {@code id} blanked out, to compare refusals about different organizations. */
    static String shape(Response r, UUID id) {
        return r.asString().replace(id.toString(), "<id>");
    }
}
