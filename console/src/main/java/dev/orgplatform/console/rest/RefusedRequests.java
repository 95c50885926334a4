package dev.orgplatform.console.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request the HTTP layer refuses before any page sees it (a form field over the size limit, a body that cannot be
 * read) gets a page that says what was wrong, with the refusal's status, instead of the framework's
 * "Internal Server Error".
 */
@ApplicationScoped
public class RefusedRequests {

    /** Before Quarkus' own failure handler, which answers every failure it did not expect as a 500. */
    private static final int ORDER = -1_000;

    private final Template refused;

    public RefusedRequests(@Location("pages/refused.html") Template refused) {
        this.refused = refused;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::refuse);
    }

    private void refuse(RoutingContext ctx) {
        int status = ctx.failure() instanceof WebApplicationException w ? w.getResponse().getStatus() : ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(refused.data("status", status).data("message", message(status)).render());
    }

    static String message(int status) {
        return switch (status) {
            case 413 -> "What was sent is too large: a form field may hold at most 64 KB (65,536 bytes). Nothing was changed; "
                    + "go back and shorten it.";
            case 414 -> "The address is too long. Nothing was changed.";
            case 415 -> "The form was sent in a format this console does not read. Nothing was changed.";
            default -> "The request could not be read (" + status + "). Nothing was changed; go back and try again.";
        };
    }
}
