package dev.orgplatform.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * The OpenAPI documents describe every operation completely (a schema for each answer with a body, a problem for each
 * refusal), the Kubernetes ingress sends each documented path to the service that serves it, and what lies outside an
 * organization answers as documented. TenantIsolationIT holds every answer about an organization to the documents.
 */
class OpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INGRESS_PATH = Pattern.compile("path: \"([^\"]+)\".*service: \\{ name: ([a-z-]+)");

    private static LocalStack stack;
    private static Flows flows;
    private static OpenApiDocuments documents;

    @BeforeAll
    static void documents() {
        stack = Suite.services();
        flows = new Flows(stack);
        documents = OpenApiDocuments.read(stack);
    }

    @Test
    void everyOperationDescribesEachAnswerAndTheIngressSendsItToItsService() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocuments.Operation op : documents.operations().values()) {
            String name = op.method() + " " + op.template();
            JsonNode responses = op.node().path("responses");
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                String code = r.getKey();
                JsonNode content = r.getValue().path("content");
                if (code.startsWith("2") || code.startsWith("3")) {
                    success = true;
                    if (!code.equals("204") && !code.equals("304") && (content.isEmpty() || !hasSchemas(content))) {
                        wrong.add(name + " " + code + " has no schema: " + content);
                    }
                } else if (!content.has("application/problem+json")) {
                    wrong.add(name + " " + code + " is not described as a problem: " + content);
                }
            }
            if (!success) {
                wrong.add(name + " declares no success");
            }
            String routed = routedTo(op.template().replaceAll("\\{\\w+}", "x"));
            if (!op.service().equals(routed)) {
                wrong.add(name + " is served by " + op.service() + ", the ingress sends it to " + routed);
            }
        }
        Figures.line("OpenAPI: " + documents.operations().size() + " operations in 4 documents, " + wrong.size() + " not described completely");
        assertEquals(List.of(), wrong);
    }

    @Test
    void whatLiesOutsideAnOrganizationAnswersAsDocumented() throws IOException, InterruptedException {
        TestUsers.User person = TestUsers.create("openapi");
        Map<String, String> auth = Http.bearer(person.token());
        String orgs = flows.url("org-service") + "/api/v1/organizations";
        String users = flows.url("user-service") + "/api/v1/users";
        List<String> wrong = new ArrayList<>();

        Http.Answer created = Http.post(orgs, auth, "{\"name\":\"openapi-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"displayName\":\"OpenAPI\",\"region\":\"EU\"}");
        assertEquals(201, created.status(), created::toString);
        wrong.addAll(documents.mismatches("POST /api/v1/organizations", created));
        wrong.addAll(documents.mismatches("POST /api/v1/organizations", Http.post(orgs, auth, "{\"name\":\"\",\"region\":\"MARS\"}")));
        wrong.addAll(documents.mismatches("GET /api/v1/organizations", Http.get(orgs + "?limit=5", auth)));
        wrong.addAll(documents.mismatches("GET /api/v1/organizations", Http.get(orgs + "?limit=0", auth)));
        wrong.addAll(documents.mismatches("GET /api/v1/organizations", Http.get(orgs, Map.of())));

        Http.Answer me = Http.get(users + "/me", auth);
        assertEquals(200, me.status(), me::toString);
        wrong.addAll(documents.mismatches("GET /api/v1/users/me", me));
        Map<String, String> ifMatch = new java.util.HashMap<>(auth);
        ifMatch.put("If-Match", "\"999\"");
        wrong.addAll(documents.mismatches("PATCH /api/v1/users/me", Http.send("PATCH", users + "/me", ifMatch, "{\"name\":\"Stale\"}")));
        for (String path : List.of("/me/organizations", "/me/notifications", "/me/notifications/unread-count", "/me/notification-preferences",
                "/me/audit")) {
            Http.Answer a = Http.get(users + path, auth);
            assertEquals(200, a.status(), a::toString);
            wrong.addAll(documents.mismatches("GET /api/v1/users" + path, a));
        }
        String org = JSON.readTree(created.body()).path("id").asText();
        wrong.addAll(documents.mismatches("GET /api/v1/users/me/organizations/{organizationId}", Http.get(users + "/me/organizations/" + org, auth)));
        wrong.addAll(documents.mismatches("PUT /api/v1/users/me/notification-preferences", Http.send("PUT",
                users + "/me/notification-preferences", auth, "{\"channels\":{\"MEMBERSHIP\":[\"IN_APP\"]}}")));
        wrong.addAll(documents.mismatches("PUT /api/v1/users/me/notification-preferences", Http.send("PUT",
                users + "/me/notification-preferences", auth, "{\"channels\":{\"SECURITY\":[\"SMS\"]}}")));
        wrong.addAll(documents.mismatches("POST /api/v1/users/me/notifications/read", Http.post(users + "/me/notifications/read", auth, null)));
        wrong.addAll(documents.mismatches("POST /api/v1/users/me/notifications/{id}/read",
                Http.post(users + "/me/notifications/" + UUID.randomUUID() + "/read", auth, null)));
        wrong.addAll(documents.mismatches("POST /api/v1/users/me/sso-admissions", Http.post(users + "/me/sso-admissions", auth, null)));
        wrong.addAll(documents.mismatches("GET /api/v1/users/{userId}/sessions", Http.get(users + "/" + person.id() + "/sessions", auth)));
        wrong.addAll(documents.mismatches("DELETE /api/v1/users/{userId}/sessions/{sessionId}",
                Http.send("DELETE", users + "/" + UUID.randomUUID() + "/sessions/none", auth, null)));
        TestUsers.User stranger = TestUsers.create("openapi-stranger");
        wrong.addAll(documents.mismatches("POST /api/v1/users/{userId}/suspension",
                Http.post(users + "/" + stranger.id() + "/suspension", auth, "{\"reason\":\"never\"}")));
        wrong.addAll(documents.mismatches("DELETE /api/v1/users/{userId}/suspension", Http.send("DELETE", users + "/" + stranger.id()
                + "/suspension", auth, null)));
        Map<String, String> service = Http.bearer(Flows.serviceToken("org-service"));
        String access = flows.url("user-service") + "/api/v1/authorization";
        wrong.addAll(documents.mismatches("POST /api/v1/authorization/check", Http.post(access + "/check", service,
                Flows.readQuery(person.id(), org))));
        wrong.addAll(documents.mismatches("POST /api/v1/authorization/check-batch", Http.post(access + "/check-batch", service,
                "[" + Flows.readQuery(person.id(), org) + "]")));
        wrong.addAll(documents.mismatches("POST /api/v1/authorization/check", Http.post(access + "/check", auth,
                Flows.readQuery(person.id(), org))));
        wrong.addAll(documents.mismatches("POST /api/v1/api-keys/verify", Http.post(flows.url("user-service") + "/api/v1/api-keys/verify",
                service, "{\"secretHash\":\"" + "0".repeat(64) + "\"}")));
        String invitations = flows.url("invitation-service") + "/api/v1/invitations";
        wrong.addAll(documents.mismatches("POST /api/v1/invitations/accept", Http.post(invitations + "/accept", auth,
                "{\"token\":\"not-a-token\"}")));
        wrong.addAll(documents.mismatches("POST /api/v1/invitations/register", Http.post(invitations + "/register", Map.of(),
                "{\"token\":\"not-a-token\",\"name\":\"Nobody\",\"password\":\"correct horse battery\"}")));
        assertEquals(List.of(), wrong);

        // no token: one challenge, not two
        java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(orgs)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertEquals(List.of("Bearer"), anonymous.headers().allValues("WWW-Authenticate"));

        // a path asked of the wrong service says which one serves it
        Http.Answer elsewhere = Http.get(flows.url("org-service") + "/api/v1/users/me", auth);
        assertEquals(404, elsewhere.status(), elsewhere::toString);
        String detail = JSON.readTree(elsewhere.body()).path("detail").asText();
        assertTrue(detail.startsWith("org-service does not serve /api/v1/users/me: user-service does"), detail);

        // last: it ends this person's sessions
        assertEquals(List.of(), documents.mismatches("DELETE /api/v1/users/{userId}/sessions",
                Http.send("DELETE", users + "/" + person.id() + "/sessions", auth, null)));
    }

    /** Each write inside an organization, as it succeeds (TenantIsolationIT's are refused as stale), held to the documents. */
    @Test
    void writesInsideAnOrganizationAnswerAsDocumented() throws IOException {
        TestUsers.User owner = TestUsers.create("openapi-owner");
        String org = flows.organization(owner);
        TestUsers.User member = flows.member(owner, org, "VIEWER");
        TestUsers.User leaving = flows.member(owner, org, "VIEWER");
        Calls c = new Calls(owner);
        String o = "/api/v1/organizations/{id}";
        String u = "/api/v1/organizations/{organizationId}";
        String orgs = flows.url("org-service") + "/api/v1/organizations/" + org;
        String users = flows.url("user-service") + "/api/v1/organizations/" + org;
        String invitations = flows.url("invitation-service") + "/api/v1/organizations/" + org + "/invitations";
        String billing = flows.url("billing-service") + "/api/v1/organizations/" + org;

        // billing: a plan with sub-organizations, a custom limit and back, settings and alerts
        String limits = c.call("GET " + u + "/limits", 200, "GET", billing + "/limits", null, null).etag();
        limits = c.call("PUT " + u + "/plan", 200, "PUT", billing + "/plan", limits, "{\"plan\":\"PRO\"}").etag();
        limits = c.call("PUT " + u + "/limits/{resource}", 200, "PUT", billing + "/limits/devices", limits, "{\"limit\":10}").etag();
        c.call("DELETE " + u + "/limits/{resource}", 200, "DELETE", billing + "/limits/devices", limits, null);
        String account = c.call("GET " + u + "/billing-settings", 200, "GET", billing + "/billing-settings", null, null).etag();
        account = c.call("PUT " + u + "/billing-settings", 200, "PUT", billing + "/billing-settings", account,
                "{\"billingEmail\":\"billing@example.com\"}").etag();
        account = c.call("GET " + u + "/alerts", 200, "GET", billing + "/alerts", null, null).etag();
        c.call("PUT " + u + "/alerts", 200, "PUT", billing + "/alerts", account, "{\"thresholds\":[70,90]}");

        // org-service: the organization, its settings, branding, a child
        String version = c.call("GET " + o, 200, "GET", orgs, null, null).etag();
        c.call("PATCH " + o, 200, "PATCH", orgs, version, "{\"displayName\":\"Described\"}");
        String settings = c.call("GET " + o + "/settings", 200, "GET", orgs + "/settings", null, null).etag();
        c.call("PUT " + o + "/settings", 200, "PUT", orgs + "/settings", settings, "{\"security\":{\"enforce2fa\":false,\"ipAllowlist\":[]}}");
        c.call("GET " + o + "/settings/effective", 200, "GET", orgs + "/settings/effective", null, null);
        c.call("PUT " + o + "/branding", 200, "PUT", orgs + "/branding", null, "{\"primaryColor\":\"#123456\"}");
        String child = c.call("POST " + o + "/children", 201, "POST", orgs + "/children", null,
                "{\"name\":\"openapi-c-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"displayName\":\"Child\"}").field("id");
        c.call("POST " + o + "/move", 200, "POST", flows.url("org-service") + "/api/v1/organizations/" + child + "/move", null,
                "{\"newParentId\":\"" + org + "\",\"dryRun\":true}");

        // user-service: teams, a member's role and product rights, a suspension, API keys, domains, policy, news
        String team = c.call("POST " + u + "/teams", 201, "POST", users + "/teams", null, "{\"name\":\"Described\"}").field("id");
        String teamVersion = c.call("GET " + u + "/teams/{teamId}", 200, "GET", users + "/teams/" + team, null, null).etag();
        c.call("PATCH " + u + "/teams/{teamId}", 200, "PATCH", users + "/teams/" + team, teamVersion, "{\"name\":\"Described too\"}");
        c.call("PUT " + u + "/teams/{teamId}/members/{userId}", 200, "PUT", users + "/teams/" + team + "/members/" + member.id(), null,
                "{\"teamRole\":\"MEMBER\"}");
        c.call("GET " + u + "/teams/{teamId}/members", 200, "GET", users + "/teams/" + team + "/members", null, null);
        c.call("DELETE " + u + "/teams/{teamId}/members/{userId}", 204, "DELETE", users + "/teams/" + team + "/members/" + member.id(), null, null);
        c.call("DELETE " + u + "/teams/{teamId}", 204, "DELETE", users + "/teams/" + team, null, null);
        String membership = c.call("GET " + u + "/members/{userId}", 200, "GET", users + "/members/" + member.id(), null, null).etag();
        c.call("PATCH " + u + "/members/{userId}", 200, "PATCH", users + "/members/" + member.id(), membership, "{\"role\":\"DEVELOPER\"}");
        String rights = users + "/members/" + member.id() + "/products/p-1/permissions";
        c.call("PUT " + u + "/members/{userId}/products/{productId}/permissions", 200, "PUT", rights, null, "{\"permissions\":[\"device:write\"]}");
        c.call("DELETE " + u + "/members/{userId}/products/{productId}/permissions", 204, "DELETE", rights, null, null);
        c.call("POST " + u + "/suspensions", 200, "POST", users + "/suspensions", null,
                "{\"userId\":\"" + member.id() + "\",\"reason\":\"described\"}");
        c.call("DELETE " + u + "/suspensions/{userId}", 204, "DELETE", users + "/suspensions/" + member.id(), null, null);
        String key = c.call("POST " + u + "/api-keys", 201, "POST", users + "/api-keys", null,
                "{\"name\":\"described\",\"scopes\":[\"read\"],\"expiresIn\":\"1d\"}").field("id");
        c.call("POST " + u + "/api-keys/{keyId}/rotate", 200, "POST", users + "/api-keys/" + key + "/rotate", null, "{}");
        c.call("DELETE " + u + "/api-keys/{keyId}", 204, "DELETE", users + "/api-keys/" + key, null, null);
        String domain = c.call("POST " + u + "/domains", 201, "POST", users + "/domains", null,
                "{\"domain\":\"openapi-" + UUID.randomUUID().toString().substring(0, 8) + ".test\"}").field("id");
        c.call("DELETE " + u + "/domains/{domainId}", 204, "DELETE", users + "/domains/" + domain, null, null);
        c.call("PUT " + u + "/sign-in-policy", 200, "PUT", users + "/sign-in-policy", null, "{\"policy\":\"PASSWORD_AND_SSO\"}");
        c.call("POST " + u + "/notifications", 200, "POST", users + "/notifications", null,
                "{\"category\":\"DEPLOYMENTS\",\"title\":\"Described\",\"body\":\"A release\"}");

        // invitation-service: invite, resend, revoke
        String invitation = c.call("POST " + u + "/invitations", 201, "POST", invitations, null, "{\"email\":\"described-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com\",\"name\":\"Described\",\"role\":\"VIEWER\","
                + "\"teams\":[\"My Team\"]}").field("id");
        c.call("POST " + u + "/invitations/{invitationId}/resend", 200, "POST", invitations + "/" + invitation + "/resend", null, "{}");
        c.call("DELETE " + u + "/invitations/{invitationId}", 200, "DELETE", invitations + "/" + invitation, null, null);

        // last: one member leaves, the other becomes the Owner
        c.call("DELETE " + u + "/members/{userId}", 204, "DELETE", users + "/members/" + leaving.id(), null, null);
        c.call("POST " + o + "/ownership", 200, "POST", orgs + "/ownership", null, "{\"newOwnerId\":\"" + member.id() + "\"}");
        assertEquals(List.of(), c.wrong);
    }

    /** Calls as one person, each answer held to the documents; a status other than the one expected fails at once. */
    private static final class Calls {
        private final TestUsers.User caller;
        final List<String> wrong = new ArrayList<>();

        Calls(TestUsers.User caller) {
            this.caller = caller;
        }

        Called call(String operation, int expected, String method, String url, String ifMatch, String body) {
            io.restassured.specification.RequestSpecification request = io.restassured.RestAssured.given().auth().oauth2(caller.token());
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body != null) {
                request.contentType(io.restassured.http.ContentType.JSON).body(body);
            }
            io.restassured.response.Response r = request.request(method, url);
            Http.Answer answer = new Http.Answer(method, url, r.statusCode(), r.contentType(), r.header("Retry-After"), r.asString(), 0, 0);
            assertEquals(expected, r.statusCode(), answer::toString);
            wrong.addAll(documents.mismatches(operation, answer));
            return new Called(r.header("ETag"), answer.body());
        }
    }

    private record Called(String etag, String body) {
        String field(String name) throws IOException {
            return JSON.readTree(body).path(name).asText();
        }
    }

    private static boolean hasSchemas(JsonNode content) {
        for (JsonNode mediaType : content) {
            JsonNode schema = mediaType.path("schema");
            if (schema.isMissingNode() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The service deploy/k8s/base/ingress.yaml sends {@code path} to: its first route matching the path's start. */
    private static String routedTo(String path) throws IOException {
        for (String line : Files.readAllLines(Path.of("..", "deploy", "k8s", "base", "ingress.yaml"))) {
            Matcher m = INGRESS_PATH.matcher(line);
            if (m.find() && !m.group(2).equals("console") && Pattern.compile(m.group(1)).matcher(path).lookingAt()) {
                return m.group(2);
            }
        }
        return null;
    }
}
