package dev.orgplatform.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error of every service leaves as an RFC 9457 problem; nothing internal leaks out of a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 2;
    /** A problem names this many fields at most: a list of many bad items is refused for its first ones. */
    private static final int MAX_FIELD_ERRORS = 50;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(Problem.type(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors(), e.extensions()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int more = 0;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            if (errors.size() < MAX_FIELD_ERRORS) {
                errors.add(new FieldError(field(v.getPropertyPath().toString()), v.getMessage()));
            } else {
                more++;
            }
        }
        String detail = summary(errors) + (more == 0 ? "" : "; and " + more + " more");
        return respond(new Problem(Problem.type(400), "Invalid request", 400, detail, path(uri), errors, Map.of()));
    }

    // the JSON mappers quarkus-rest-jackson ships answer plain JSON: these take over for each type they map
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            StreamReadException.class, UnrecognizedPropertyException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        List<FieldError> errors = List.of(e instanceof JsonMappingException m ? unreadableField(m)
                : new FieldError("body", "is not valid JSON" + where(e)));
        return respond(new Problem(Problem.type(400), "Invalid request", 400, summary(errors), path(uri), errors, Map.of()));
    }

    /**
     * No operation at this path and method: said so, pointing at where the operations are listed (JAX-RS says only
     * "Unable to find matching target resource method"). Where a path is the shape of another resource class's paths
     * the router answers this 404 even though another method exists there: it stops at one class.
     */
    @ServerExceptionMapper
    public Response noOperation(jakarta.ws.rs.NotFoundException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (e.getCause() != null || e.getResponse().hasEntity()) {
            return web(e, uri);
        }
        java.util.Set<String> allowed = dev.orgplatform.platform.rest.OperationTable.methodsAt(path(uri));
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            return methodNotAllowed(allowed, uri); // another resource class serves this path
        }
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String self = config.getOptionalValue("quarkus.application.name", String.class).orElse("this service");
        String detail = noOperation(self, request.getMethod(), path(uri),
                service -> config.getOptionalValue("platform.services." + service + ".url", String.class));
        return respond(new Problem(Problem.type(404), "Not found", 404, detail, path(uri), List.of(), Map.of()));
    }

    /** Says where the path is served when another service serves it (a call sent to the wrong port or host). */
    static String noOperation(String self, String method, String path, java.util.function.Function<String, Optional<String>> address) {
        Optional<String> elsewhere = dev.orgplatform.platform.rest.ServiceRoutes.serviceOf(path).filter(s -> !s.equals(self));
        if (elsewhere.isPresent()) {
            String service = elsewhere.get();
            return self + " does not serve " + path + ": " + service + " does" + address.apply(service).map(a -> " (at " + a + ")")
                    .orElse("") + "; send it there";
        }
        return self + " has no operation " + method + " " + path + "; its operations are listed at /q/openapi";
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (e.getCause() instanceof ProblemException refusal) { // a parameter converter's, wrapped by JAX-RS
            return problem(refusal, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 405 && !e.getResponse().getAllowedMethods().isEmpty()) {
            return methodNotAllowed(e.getResponse().getAllowedMethods(), uri);
        }
        return respond(new Problem(Problem.type(status), Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), status, e.getMessage(), path(uri), List.of(), Map.of()));
    }

    private Response methodNotAllowed(java.util.Set<String> methods, UriInfo uri) {
        String allowed = String.join(", ", new java.util.TreeSet<>(methods));
        return Response.fromResponse(respond(new Problem(Problem.type(405), "Method not allowed", 405,
                "this path allows " + allowed, path(uri), List.of(), Map.of()))).header("Allow", allowed).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = expired(e) ? "the bearer token has expired (access tokens live 5 minutes): get a new one and send it again"
                : "a valid bearer token or API key is required";
        return Response.fromResponse(respond(new Problem(Problem.type(401), "Unauthorized", 401, detail, path(uri), List.of(),
                Map.of()))).header("WWW-Authenticate", expired(e) ? "Bearer error=\"invalid_token\", error_description=\"expired\""
                        : "Bearer").build();
    }

    /** Whether the login failed only because the token's time ran out (the JWT library says so in its message). */
    static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Expiration Time") || m.contains("token has expired") || m.contains("Token expired"))) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type(403), "Forbidden", 403, "the caller may not do this", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<DatabaseFailure> databaseFailure = DatabaseFailure.of(e);
        if (databaseFailure.isPresent()) {
            LOG.warnf("%s on %s: %s", databaseFailure.get(), path(uri), e.toString());
            return problem(switch (databaseFailure.get()) {
                case DATABASE_UNAVAILABLE -> ProblemException.unavailable(ProblemException.POSTGRESQL, "Database unavailable",
                        "the database is unavailable; the request changed nothing, try again");
                case CONFLICT -> new ProblemException(409, "Concurrent change",
                        "another change to the same data committed first; the request changed nothing: read it again and retry");
                case DUPLICATE -> new ProblemException(409, "Already exists",
                        "another request created the same thing at the same moment; this one changed nothing");
            }, uri);
        }
        LOG.error("unexpected failure on " + path(uri), e);
        return respond(new Problem(Problem.type(500), "Internal error", 500, "the request failed unexpectedly; it changed nothing",
                path(uri), List.of(), Map.of()));
    }

    static Response respond(Problem p) {
        Response.ResponseBuilder r = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (p.status() == 503) {
            r.header("Retry-After", RETRY_AFTER_SECONDS); // transient by nature: tell clients when to come back
        }
        return r.build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** "create.request.displayName" (method.parameter.field) becomes "displayName". */
    private static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    /** The field a body could not be read at, and what it should have been. */
    private static FieldError unreadableField(JsonMappingException e) {
        String path = jsonPath(e);
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path.equals("body") ? u.getPropertyName()
                    : path.endsWith(u.getPropertyName()) ? path : path + "." + u.getPropertyName();
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new FieldError(field, "is not a field of this request" + (known.isEmpty() ? "" : "; its fields: " + String.join(", ", known)));
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target != null && target.isEnum()) {
            return new FieldError(path, "must be one of " + Arrays.toString(target.getEnumConstants()));
        }
        if (target != null) {
            return new FieldError(path, "must be " + kind(target));
        }
        return new FieldError(path, "has an unreadable value" + where(e));
    }

    private static String kind(Class<?> target) {
        if (target == String.class || target == java.util.UUID.class || java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return target == String.class ? "a string" : "a string holding a " + target.getSimpleName();
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String summary(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(f -> f.field() + " " + f.message()).toList());
    }
}
