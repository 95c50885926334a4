package dev.orgplatform.platform.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.orgplatform.platform.problem.Problem;

/**
 * Every service's OpenAPI document says what its refusals look like: each operation lists the problems every
 * operation of its kind can answer (400 with a body or parameters, 401 and 403 when it needs a caller, 404 with an id
 * in its path, 503 when a dependency is away), and every refusal, these and those an operation declares itself (409,
 * 412, ...), carries the {@code Problem} schema as {@code application/problem+json}. Named in {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, op) -> declare(path, op, method != PathItem.HttpMethod.GET
                        && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS, securedByDefault));
            }
        });
    }

    private static boolean takesIfMatch(Operation op) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    private static void declare(String path, Operation op, boolean write, boolean securedByDefault) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        if (op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty()) || path.contains("{")) {
            add(responses, "400", "the request is invalid: the problem names each field (errors) and what is allowed");
        }
        boolean secured = op.getSecurity() == null ? securedByDefault : !op.getSecurity().isEmpty();
        if (secured || responses.hasAPIResponse("401")) {
            add(responses, "401", "no valid bearer token or API key (an expired token is told so)");
            add(responses, "403", "the caller may not do this here; the detail names the permission");
        }
        if (path.contains("{")) {
            add(responses, "404", "what the path names does not exist, or the caller may not know of it");
        }
        if (takesIfMatch(op)) {
            add(responses, "412", "If-Match names another version than the current one (the detail names the current one)");
            add(responses, "428", "If-Match is required: read first, send the ETag back");
        }
        if (write) {
            add(responses, "409", "a concurrent change won (Concurrent change), or the state forbids it; nothing changed");
        }
        add(responses, "503", "a dependency (named in unavailable) did not answer; nothing changed, try again after Retry-After");
        responses.getAPIResponses().forEach((code, response) -> {
            if (refusal(code)) {
                response.setContent(problemContent());
            }
        });
    }

    private static boolean refusal(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    /** RFC 9457 problem details as {@link Problem} writes them; extensions (e.g. {@code unavailable}, {@code plan}) may follow. */
    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", string("the field, e.g. members[2].email or the query parameter"))
                .addProperty("message", string("what is wrong with it and what is allowed"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details; members beyond these are extensions naming what the refusal is about")
                .properties(Map.of(
                        "type", string("https://orgplatform.dev/problems/<status>"),
                        "title", string("a short summary, the same for every problem of its kind"),
                        "status", OASFactory.createSchema().addType(SchemaType.INTEGER),
                        "detail", string("what was wrong and what is allowed"),
                        "instance", string("the path of the request"),
                        "errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError)))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
