package dev.orgplatform.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * Every operation of the four services' OpenAPI documents, sent what a careless or hostile client sends: malformed
 * JSON, a field of the wrong type, unknown fields, no required fields, a string of 1,000,000 characters or an array of
 * 100,000 items, a body that is not JSON, a body over the size limit, a path parameter that is no UUID, a bad,
 * negative or huge {@code limit}, a tampered or oversized cursor, a bad {@code If-Match}, a URI over the length
 * limit, a method the path does not have (405 naming the methods it has).
 * Every answer must be a 4xx {@code application/problem+json} (never a 5xx), and where the refusal is about one
 * field, the problem names it. A request is sent as the organization's Owner and, when that is refused outright
 * (401, 403), as a platform service, so it reaches the input checks wherever a caller could.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /** Bodies over this are announced and not sent: the server must refuse them by their length, before reading. */
    private static final int OVERSIZED = 1_048_576;
    /** Not a header: asks {@link #check} to send the body chunked, its length unannounced. */
    private static final String CHUNKED = "x-test-send-chunked";

    /** One operation as its OpenAPI document describes it. */
    record Operation(String service, String method, String template, JsonNode parameters, JsonNode bodySchema) {

        String name() {
            return method.toUpperCase() + " " + template;
        }

        boolean hasQuery(String name) {
            return parameter(name, "query") != null;
        }

        JsonNode parameter(String name, String in) {
            for (JsonNode p : parameters) {
                if (name.equals(p.path("name").asText()) && in.equals(p.path("in").asText())) {
                    return p;
                }
            }
            return null;
        }
    }

    /** What one case expects: a status (0: any 4xx) and the field the problem must name (null: none in particular). */
    record Expected(int status, String field) {
    }

    private static LocalStack stack;
    private static TestUsers.User owner;
    private static String org;
    private static final Map<String, JsonNode> COMPONENTS = new HashMap<>();

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> casesByKind = new TreeMap<>();
    private int sent;
    private int serverErrors;

    @BeforeAll
    static void anOrganization() {
        stack = Suite.services();
        owner = TestUsers.create("bad-input");
        org = new Flows(stack).organization(owner);
    }

    @Test
    void everyOperationRefusesBadInputWithAProblemNamingTheField() throws IOException {
        List<Operation> operations = operations();
        assertTrue(operations.size() > 50, "the four OpenAPI documents list the operations: " + operations.size());
        Map<String, String> stateBefore = state();
        Map<String, Integer> eventsBefore = events();
        Map<String, Set<String>> methodsByPath = new HashMap<>();
        for (Operation op : operations) {
            methodsByPath.computeIfAbsent(op.service() + " " + op.template(), k -> new java.util.TreeSet<>()).add(op.method());
            walk(op);
        }
        for (Map.Entry<String, Set<String>> path : methodsByPath.entrySet()) {
            String[] serviceAndTemplate = path.getKey().split(" ", 2);
            String missing = METHODS.stream().filter(m -> !path.getValue().contains(m)).sorted().findFirst().orElse(null);
            if (missing != null) {
                Operation op = new Operation(serviceAndTemplate[0], missing, serviceAndTemplate[1], JSON.createArrayNode(), null);
                // 405, also where another resource class's paths take the shape; but where that method's operation has
                // a parameter at that place (DELETE .../invitations/{invitationId} for .../availability) it refuses it
                boolean takenAsParameter = operations.stream().anyMatch(other -> other.service().equals(op.service())
                        && other.method().equals(missing) && op.template().matches(other.template().replaceAll("\\{\\w+}", "[^/]+")));
                check("method not allowed", op, url(op, Map.of()), Map.of(), missing.equals("get") || missing.equals("delete") ? null : "{}",
                        new Expected(takenAsParameter ? 0 : 405, null));

            }
        }
        System.out.printf("BadInputIT: %d operations, %d cases (%s), %d requests, %d answered 5xx, %d failed expectations%n",
                operations.size(), casesByKind.values().stream().mapToInt(Integer::intValue).sum(), casesByKind, sent, serverErrors,
                failures.size());
        assertEquals(0, serverErrors, () -> "answers 5xx:\n" + String.join("\n", failures));
        assertTrue(failures.isEmpty(), () -> failures.size() + " answers were not the problem expected:\n" + String.join("\n", failures));

        // every request was refused, so nothing of the organization changed and no event was published about it
        assertEquals(stateBefore, state(), "what the organization's resources show is what they showed before the walk");
        try {
            Thread.sleep(1_000); // the outbox relays within a second: an event of a refused request would be on its topic now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(eventsBefore, events(), "no event about the organization or its Owner since the walk started");
    }

    /** What every readable resource of the organization and its Owner shows, as its Owner reads it. */
    private static Map<String, String> state() {
        Map<String, String> shown = new TreeMap<>();
        String orgPath = "/api/v1/organizations/" + org;
        for (String[] read : new String[][] { { "org-service", orgPath }, { "org-service", orgPath + "/settings" },
                { "org-service", orgPath + "/children" }, { "user-service", orgPath + "/members" }, { "user-service", orgPath + "/teams" },
                { "user-service", orgPath + "/api-keys" }, { "user-service", "/api/v1/users/me" },
                { "invitation-service", orgPath + "/invitations" }, { "billing-service", orgPath + "/limits" },
                { "billing-service", orgPath + "/billing-settings" }, { "billing-service", orgPath + "/alerts" } }) {
            Http.Answer a = Http.get(Suite.url(stack, read[0]) + read[1], Http.bearer(owner.token()));
            assertEquals(200, a.status(), a::toString);
            shown.put(read[0] + " " + read[1], a.body());
        }
        return shown;
    }

    /** How many records each topic holds that name the organization or its Owner. */
    private static Map<String, Integer> events() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : List.of("organizations", "memberships", "invitations", "billing")) {
            counts.put(topic, (int) Topics.readAll(stack.config().kafkaBootstrap(), topic).stream()
                    .filter(r -> r.value() != null && (r.value().contains(org) || r.value().contains(owner.id()))).count());
        }
        return counts;
    }

    private void walk(Operation op) {
        Map<String, String> none = Map.of();
        check("uri too long", op, url(op, Map.of()) + (url(op, Map.of()).contains("?") ? "&" : "?") + "pad=" + "a".repeat(9_000),
                none, op.bodySchema() == null ? null : "{}", new Expected(414, null));
        Matcher params = PARAM.matcher(op.template());
        while (params.find()) {
            String name = params.group(1);
            JsonNode p = op.parameter(name, "path");
            if (p != null && "uuid".equals(resolve(p.path("schema")).path("format").asText())) {
                check("path parameter not a UUID", op, url(op, Map.of(name, "not-a-uuid")), none,
                        op.bodySchema() == null ? null : "{}", new Expected(400, name));
            }
        }
        if (op.method().equals("get")) {
            check("not acceptable", op, url(op, Map.of()), Map.of("Accept", "application/xml"), null, new Expected(406, null));
        }
        if (op.hasQuery("limit")) {
            for (String limit : List.of("abc", "-1", "0", "1000000", "99999999999")) {
                check("limit " + limit, op, url(op, Map.of()) + "?limit=" + limit, none, null, new Expected(400, "limit"));
            }
        }
        if (op.hasQuery("cursor")) {
            check("cursor tampered", op, url(op, Map.of()) + "?cursor=%25%25not-ours", none, null, new Expected(400, "cursor"));
            check("cursor oversized", op, url(op, Map.of()) + "?cursor=" + "A".repeat(5_000), none, null, new Expected(400, "cursor"));
        }
        if (op.parameter("If-Match", "header") != null) {
            String body = op.bodySchema() == null ? null : "{}";
            for (String ifMatch : List.of("garbage", "\"-1\"", "\"" + "9".repeat(40) + "\"")) {
                check("If-Match " + ifMatch.substring(0, Math.min(12, ifMatch.length())), op, url(op, Map.of()),
                        Map.of("If-Match", ifMatch), body, new Expected(0, null));
            }
        }
        if (op.bodySchema() == null) {
            return;
        }
        String url = url(op, Map.of());
        JsonNode schema = resolve(op.bodySchema());
        boolean list = "array".equals(schema.path("type").asText());
        check("malformed JSON", op, url, none, "{\"a\":", new Expected(400, "body"));
        check("not JSON at all", op, url, none, "name=x&role=ADMIN", new Expected(400, "body"));
        check("unknown field", op, url, none, list ? "[{\"zzUnknown\":1}]" : "{\"zzUnknown\":1}",
                new Expected(400, list ? "[0].zzUnknown" : "zzUnknown"));
        check("text/plain body", op, url, Map.of("Content-Type", "text/plain"), "{}", new Expected(415, null));
        check("no content type", op, url, Map.of("Content-Type", ""), "{}", new Expected(415, null));
        check("body over 1 MB", op, url, none, "{\"zz\":\"" + "x".repeat(1_100_000) + "\"}", new Expected(413, null));
        check("body over 1 MB, chunked", op, url, Map.of(CHUNKED, "yes"), "{\"zz\":\"" + "x".repeat(1_100_000) + "\"}",
                new Expected(413, null));
        if (schema.path("required").size() > 0) {
            check("required fields missing", op, url, none, "{}", new Expected(400, null));
        }
        fields(op, url, schema, "", v -> v);
    }

    /**
     * Each property of {@code schema} (at {@code path} in the body; {@code wrap} puts a value there) given a value of
     * the wrong type and one far beyond any bound; nested objects, and objects inside arrays, the same way.
     */
    private void fields(Operation op, String url, JsonNode schema, String path, java.util.function.UnaryOperator<String> wrap) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = path + property.getKey();
            java.util.function.UnaryOperator<String> at = v -> wrap.apply("{\"" + property.getKey() + "\":" + v + "}");
            JsonNode type = resolve(property.getValue());
            String nested = path.isEmpty() ? "" : "nested ";
            String wrong = wrongValue(type);
            if (wrong != null) {
                check(nested + "wrong type", op, url, Map.of(), at.apply(wrong), new Expected(400, field));
            }
            String huge = hugeValue(type);
            if (huge != null) {
                check(nested + (type.path("type").asText().equals("array") ? "array of 100,000 items" : "string of 1,000,000 characters"),
                        op, url, Map.of(), at.apply(huge), new Expected(400, field));
            }
            if (type.has("properties")) {
                fields(op, url, type, field + ".", at);
            }
            JsonNode items = resolve(type.path("items"));
            if ("array".equals(type.path("type").asText()) && items.has("properties")) {
                fields(op, url, items, field + "[0].", v -> at.apply("[" + v + "]"));
            }
        }
    }

    /** A value of the property's type far beyond any bound (the body stays under the 1 MB limit), or null. */
    private static String hugeValue(JsonNode schema) {
        if (schema.has("enum") || !schema.path("format").asText().isEmpty()) {
            return null;
        }
        return switch (schema.path("type").asText()) {
            case "string" -> "\"" + "x".repeat(1_000_000) + "\"";
            case "array" -> "[" + String.join(",", java.util.Collections.nCopies(100_000, "\"x\"")) + "]";
            default -> null;
        };
    }

    /** A value of another JSON type than the property's (one Jackson does not coerce), or null when none applies. */
    private static String wrongValue(JsonNode schema) {
        if (schema.has("enum")) {
            return "\"NOT_ONE_OF_THEM\"";
        }
        return switch (schema.path("type").asText()) {
            case "string" -> "uuid".equals(schema.path("format").asText()) ? "\"not-a-uuid\"" : "{\"an\":\"object\"}";
            case "integer", "number" -> "\"not a number\"";
            case "boolean" -> "\"perhaps\"";
            case "array" -> "{\"an\":\"object\"}";
            case "object" -> "[1,2]";
            default -> null;
        };
    }

    private void check(String kind, Operation op, String url, Map<String, String> headers, String body, Expected expected) {
        casesByKind.merge(kind.startsWith("limit ") || kind.startsWith("If-Match ") ? kind.split(" ")[0] : kind, 1, Integer::sum);
        Http.Answer answer = null;
        for (Map<String, String> asker : List.of(Http.bearer(owner.token()), Http.bearer(Flows.serviceToken()))) {
            Map<String, String> all = new LinkedHashMap<>(asker);
            all.putAll(headers);
            all.values().removeIf(String::isEmpty);
            boolean chunked = all.remove(CHUNKED) != null;
            answer = chunked ? Http.sendChunked(op.method().toUpperCase(), url, all, body)
                    : body != null && body.length() > OVERSIZED ? Http.announceBody(op.method().toUpperCase(), url, all, body.length())
                    : Http.send(op.method().toUpperCase(), url, all, body, !"".equals(headers.get("Content-Type")));
            sent++;
            if (answer.status() != 401 && answer.status() != 403) {
                break;
            }
        }
        String what = op.service() + " " + op.name() + " [" + kind + "] -> " + answer;
        if (answer.status() >= 500 || answer.status() < 0) {
            serverErrors++;
            failures.add(what);
            return;
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return; // refused before any input is read, whoever asks: still a problem document
        }
        Predicate<Integer> statusOk = expected.status() == 0 ? s -> s >= 400 && s < 500 : s -> s == expected.status();
        if (!statusOk.test(answer.status())) {
            failures.add("expected " + (expected.status() == 0 ? "a 4xx" : expected.status()) + ": " + what);
            return;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            failures.add("not a problem document: " + what);
            return;
        }
        if (expected.field() != null && !namesField(answer.body(), expected.field())) {
            failures.add("the problem does not name " + expected.field() + ": " + what);
        }
    }

    private static boolean namesField(String body, String field) {
        try {
            for (JsonNode error : JSON.readTree(body).path("errors")) {
                String named = error.path("field").asText();
                if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The operation's URL: the organization and its Owner where the path names them, a random UUID elsewhere. */
    private static String url(Operation op, Map<String, String> overrides) {
        Matcher m = PARAM.matcher(op.template());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode p = op.parameter(name, "path");
            boolean uuid = p == null || "uuid".equals(resolve(p.path("schema")).path("format").asText());
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : name.equals("organizationId") || (name.equals("id") && op.template().startsWith("/api/v1/organizations/{id}")) ? org
                    : name.equals("userId") ? owner.id()
                    : uuid ? UUID.randomUUID().toString() : "x";
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return Suite.url(stack, op.service()) + path;
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : COMPONENTS.getOrDefault(ref, schema);
    }

    private static List<Operation> operations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (String service : StackConfig.SERVICES) {
            Http.Answer doc = Http.get(Suite.url(stack, service) + "/q/openapi?format=json", Map.of());
            assertEquals(200, doc.status(), doc::toString);
            JsonNode root = JSON.readTree(doc.body());
            root.path("components").path("schemas").fields()
                    .forEachRemaining(e -> COMPONENTS.put("#/components/schemas/" + e.getKey(), e.getValue()));
            for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (METHODS.contains(op.getKey())) {
                        JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                        operations.add(new Operation(service, op.getKey(), path.getKey(), op.getValue().path("parameters"),
                                body.isMissingNode() ? null : body));
                    }
                }
            }
        }
        return operations;
    }
}
