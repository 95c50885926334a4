package dev.orgplatform.platform.rest;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.problem.Problem;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem before any of it
 * is read (the HTTP layer's own refusal, one step later, has no body). A body sent without a length (chunked) is counted
 * where it is read instead ({@link RequestBodyReading}): the HTTP layer's own count would cut it off with a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversized);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(BodySizeLimit::countWhereRead);
    }

    /** The HTTP layer marks an unannounced body for its own count; the reading counts it, and answers a problem. */
    private static void countWhereRead(RoutingContext ctx) {
        ctx.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        ctx.next();
    }

    /** The limit, in bytes. */
    public long limit() {
        return limit;
    }

    /**
     * The 413 for a body found larger than the limit while it was read; its rest is never read, so the connection
     * closes once the answer is out.
     */
    public ProblemException tooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.addEndHandler(v -> ctx.request().connection().close());
        return new ProblemException(413, "Request body too large", "the request body has more than " + limit
                + " bytes; at most " + limit + " are accepted");
    }

    private void refuseOversized(RoutingContext ctx) {
        long announced = announcedLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (announced <= limit) {
            ctx.next();
            return;
        }
        Problem problem = new Problem(Problem.type(413), "Request body too large", 413,
                "the request body has " + announced + " bytes; at most " + limit + " are accepted", ctx.request().path(),
                List.of(), Map.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413,\"title\":\"Request body too large\"}";
        }
        // the rest of the body is never read: the connection closes once the answer is out
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> ctx.request().connection().close())
                .end(body);
    }

    /** -1 when absent or unreadable (the HTTP layer deals with a malformed one). */
    private static long announcedLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
