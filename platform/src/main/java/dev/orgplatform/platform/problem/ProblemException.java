package dev.orgplatform.platform.problem;

import java.util.List;
import java.util.Map;

/** A refusal the service layer raises on purpose; the mapper turns it into a problem response as is. */
public class ProblemException extends RuntimeException {

    /** The problem member naming what is unavailable in a 503: postgresql, kafka, keycloak or a service's name. */
    public static final String UNAVAILABLE = "unavailable";
    public static final String POSTGRESQL = "postgresql";
    public static final String KAFKA = "kafka";
    public static final String KEYCLOAK = "keycloak";

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : errors;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)), null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** A 503 naming the unavailable part in its {@code unavailable} member (it goes out with Retry-After). */
    public static ProblemException unavailable(String dependency) {
        return unavailable(dependency, "Dependency unavailable", dependency + " did not answer; try again shortly");
    }

    public static ProblemException unavailable(String dependency, String title, String detail) {
        return new ProblemException(503, title, detail, null, Map.of(UNAVAILABLE, dependency));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
