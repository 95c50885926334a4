package dev.orgplatform.platform.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Another service's refusal passed on to our caller as it was said (title, detail, extensions), when what it refused is
 * what our caller asked for: a plan that lacks a feature says so, not a generic message of ours.
 */
final class ProblemRelay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

    private ProblemRelay() {
    }

    static Optional<ProblemException> of(Response refusal) {
        try {
            JsonNode problem = JSON.readTree(refusal.readEntity(String.class));
            if (problem == null || !problem.hasNonNull("title") || !problem.hasNonNull("detail")) {
                return Optional.empty();
            }
            Map<String, Object> extensions = new LinkedHashMap<>();
            problem.fields().forEachRemaining(e -> {
                if (!MEMBERS.contains(e.getKey())) {
                    extensions.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
                }
            });
            return Optional.of(new ProblemException(refusal.getStatus(), problem.get("title").asText(), problem.get("detail").asText(),
                    null, extensions));
        } catch (RuntimeException | java.io.IOException e) {
            return Optional.empty(); // no readable problem: the caller says it in its own words
        }
    }
}
