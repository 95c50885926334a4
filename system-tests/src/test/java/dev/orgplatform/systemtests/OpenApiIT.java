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
