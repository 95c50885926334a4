package dev.orgplatform.platform.client;

import java.time.Duration;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * A synchronous call to another service never hangs and never surfaces as a 500: it is bounded in time
 * and a dependency that is down, slow or failing becomes a clear 503 problem.
 */
public final class DependencyCalls {

    private static final Logger LOG = Logger.getLogger(DependencyCalls.class);

    private DependencyCalls() {
    }

    public static <T> Uni<T> guard(Uni<T> call, String dependency, Duration timeout) {
        return call.ifNoItem().after(timeout).failWith(() -> new TimeoutException())
                .onFailure(DependencyCalls::isOutage).transform(e -> {
                    String unavailable = ownTokenRefused(e) ? ProblemException.KEYCLOAK : dependency;
                    LOG.warnf("%s unavailable: %s", unavailable, e.toString());
                    return ProblemException.unavailable(unavailable);
                });
    }

    /** The call never left: this service's own token could not be had from Keycloak. */
    private static boolean ownTokenRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.quarkus.oidc.client.OidcClientException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse().getStatus() >= 500;
        }
        return ownTokenRefused(e) || e instanceof ProcessingException || e instanceof TimeoutException || e instanceof java.net.ConnectException
                || e instanceof io.vertx.core.VertxException;
    }
}
