package dev.orgplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;

/**
 * The four services' OpenAPI documents, and whether an answer is what its operation's document says: a status it
 * declares, a body of the declared media type whose fields the declared schema names with the declared types (nested
 * objects and list items too; an object schema naming no fields is free-form), and every refusal an RFC 9457 problem.
 */
final class OpenApiDocuments {

    static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEPTH = 6;

    /** "METHOD template" of one operation and the document that declares it. */
    record Operation(String service, String method, String template, JsonNode node, JsonNode document) {
    }

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    static OpenApiDocuments read(LocalStack stack) {
        OpenApiDocuments docs = new OpenApiDocuments();
        for (String service : StackConfig.SERVICES) {
            Http.Answer doc = Http.get(Suite.url(stack, service) + "/q/openapi?format=json", Map.of());
            if (doc.status() != 200) {
                throw new AssertionError("the OpenAPI document of " + service + ": " + doc);
            }
            try {
                JsonNode document = JSON.readTree(doc.body());
                JsonNode paths = document.get("paths");
                for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                    String template = it.next();
                    paths.get(template).fields().forEachRemaining(e -> {
                        if (METHODS.contains(e.getKey())) {
                            String method = e.getKey().toUpperCase();
                            docs.operations.put(method + " " + template, new Operation(service, method, template, e.getValue(), document));
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    Map<String, Operation> operations() {
        return operations;
    }

    /** What in {@code answer} to {@code "METHOD template"} its document does not say; empty when it conforms. */
    List<String> mismatches(String operation, Http.Answer answer) {
        Operation op = operations.get(operation);
        if (op == null) {
            return List.of(operation + " is in no document");
        }
        List<String> wrong = new ArrayList<>();
        String status = String.valueOf(answer.status());
        JsonNode declared = op.node().path("responses").get(status);
        if (declared == null) {
            return List.of(operation + " answered " + status + ", which its document does not declare: " + answer);
        }
        String body = answer.body() == null ? "" : answer.body();
        if (body.isBlank()) {
            return wrong;
        }
        String mediaType = answer.contentType() == null ? "" : answer.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content").get(mediaType);
        if (content == null) {
            return List.of(operation + " answered " + status + " as " + mediaType + ", declared as " + declared.path("content").toString());
        }
        if (answer.status() >= 400 && !mediaType.equals("application/problem+json")) {
            wrong.add(operation + " refused " + status + " with " + mediaType + ", not a problem");
        }
        if (mediaType.endsWith("json")) {
            try {
                conforms(op, "$", JSON.readTree(body), content.path("schema"), wrong, 0);
            } catch (IOException e) {
                wrong.add(operation + " answered " + status + " with a body that is not JSON: " + body);
            }
        }
        return wrong.stream().map(w -> w.startsWith(operation) ? w : operation + " " + status + ": " + w).toList();
    }

    private void conforms(Operation op, String at, JsonNode value, JsonNode schema, List<String> wrong, int depth) {
        schema = resolve(op, schema);
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            wrong.add(at + " has no schema");
            return;
        }
        if (value.isNull() || depth > DEPTH) {
            return;
        }
        for (String combination : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combination)) {
                return; // not used by these documents' schemas beyond nullable types
            }
        }
        Set<String> types = types(schema);
        String actual = value.isObject() ? "object" : value.isArray() ? "array" : value.isTextual() ? "string"
                : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "?";
        boolean typeOk = types.isEmpty() || types.contains(actual) || actual.equals("integer") && types.contains("number");
        if (!typeOk) {
            wrong.add(at + " is " + actual + ", declared " + types);
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode declared = properties.get(field.getKey());
                if (declared != null) {
                    conforms(op, at + "." + field.getKey(), field.getValue(), declared, wrong, depth + 1);
                } else if (additional != null && additional.isObject()) {
                    conforms(op, at + "." + field.getKey(), field.getValue(), additional, wrong, depth + 1);
                } else if (!properties.isEmpty() && (additional == null || !additional.asBoolean(false))) {
                    wrong.add(at + "." + field.getKey() + " is not in the schema (it names " + fieldNames(properties) + ")");
                }
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    wrong.add(at + "." + required.asText() + " is required but absent");
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                if (i == 3) {
                    break;
                }
                conforms(op, at + "[" + i++ + "]", item, schema.get("items"), wrong, depth + 1);
            }
        } else if (value.isTextual() && schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(v -> allowed.add(v.asText()));
            if (!allowed.contains(value.asText())) {
                wrong.add(at + " is \"" + value.asText() + "\", not one of " + allowed);
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return Set.of();
        }
        if (type.isArray()) {
            Set<String> types = new java.util.HashSet<>();
            type.forEach(t -> types.add(t.asText()));
            return types;
        }
        return Set.of(type.asText());
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode resolve(Operation op, JsonNode schema) {
        for (int hops = 0; schema != null && schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/components/schemas/")) {
                return null;
            }
            schema = op.document().path("components").path("schemas").get(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
