package dev.orgplatform.console.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * One answer of a service, read for a page: its status, its JSON as maps and lists (what templates read), for a
 * problem (RFC 9457) its detail and the message per field it names, and the version it carried (ETag), which a form
 * sends back as If-Match so a change applies only to what the page showed.
 */
public record ApiAnswer(int status, Object body, String detail, Map<String, String> fieldErrors, String etag) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiAnswer of(Response r) {
        JsonNode node = r.hasEntity() ? r.readEntity(JsonNode.class) : null;
        Object body = node == null ? null : JSON.convertValue(node, Object.class);
        String detail = null;
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.getStatus() >= 400 && node != null) {
            detail = node.path("detail").asText(null);
            node.path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
        }
        return new ApiAnswer(r.getStatus(), body, detail, errors, r.getHeaderString("ETag"));
    }

    /** The answer of a call not made (the person may not see it): no content, nothing listed. */
    public static ApiAnswer none() {
        return new ApiAnswer(204, null, null, Map.of(), null);
    }

    /** The service's answer when the person may ask at all, else {@link #none()} without a call. */
    public static Uni<ApiAnswer> ifAllowed(boolean allowed, Supplier<Uni<Response>> call) {
        return allowed ? call.get().map(ApiAnswer::of) : Uni.createFrom().item(none());
    }

    /** What a page says when a change was refused: the detail, else the title, else the status. */
    public String refusal() {
        return detail != null && !detail.isBlank() ? detail : "the change was refused (" + status + ")";
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String field) {
        Object value = field == null ? body : object().get(field);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
