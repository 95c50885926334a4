package dev.orgplatform.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;

/** An API's refusal, with its problem details (RFC 9457) when it sent some. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public ApiException(int status, JsonNode problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }

    public int exitCode() {
        return status == 0 ? ExitCode.UNAVAILABLE : ExitCode.ofStatus(status);
    }

    /** The problem as a person reads it: title and detail, then one line per field named. */
    public String explain() {
        if (problem == null || !problem.isObject()) {
            return getMessage();
        }
        StringBuilder b = new StringBuilder();
        b.append(problem.path("title").asText("HTTP " + status));
        if (problem.hasNonNull("detail")) {
            b.append(": ").append(problem.get("detail").asText());
        }
        for (JsonNode e : problem.path("errors")) {
            b.append("\n  ").append(e.path("field").asText("?")).append(": ").append(e.path("message").asText());
        }
        for (JsonNode u : problem.path("unmet")) {
            b.append("\n  ").append(u.path("condition").asText("?")).append(": ").append(u.path("detail").asText());
        }
        return b.toString();
    }
}
