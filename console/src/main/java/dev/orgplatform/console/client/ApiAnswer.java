package dev.orgplatform.console.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One answer of a service, read for a page: its status, its JSON as maps and lists (what templates read), and for a
 * problem (RFC 9457) its detail and the message per field it names.
 */
public record ApiAnswer(int status, Object body, String detail, Map<String, String> fieldErrors) {

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
        return new ApiAnswer(r.getStatus(), body, detail, errors);
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
