package dev.orgplatform.platform.client;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Reserve before creating a limited thing, commit once it exists, release when it goes. A full limit
 * becomes a 409 "Limit reached" problem, billing-service being down a 503.
 * <p>
 * billing-service opens an organization's account when it consumes the organization's creation event, so for a
 * moment after a creation it does not know the organization yet (404): callers reserve only for organizations they
 * know exist, so the reservation is tried again for up to {@code platform.billing.catch-up}, then a 503 says why.
 */
@ApplicationScoped
public class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class);

    private final QuotaApi quotas;
    private final Duration timeout;
    private final Duration catchUp;

    public Quotas(@RestClient QuotaApi quotas, @ConfigProperty(name = "platform.billing.timeout", defaultValue = "3s") Duration timeout,
            @ConfigProperty(name = "platform.billing.catch-up", defaultValue = "10s") Duration catchUp) {
        this.quotas = quotas;
        this.timeout = timeout;
        this.catchUp = catchUp;
    }

    /** Idempotent by {@code idempotencyKey}: a retried call never takes twice. Emits the reservation id. */
    public Uni<UUID> reserve(UUID organizationId, String resource, String idempotencyKey) {
        return reserve(organizationId, resource, idempotencyKey, null);
    }

    /** As {@link #reserve(UUID, String, String)}, the unit held by {@code holder} (a member's seat: {@link ReservationKeys#member}). */
    public Uni<UUID> reserve(UUID organizationId, String resource, String idempotencyKey, String holder) {
        QuotaApi.ReserveRequest request = new QuotaApi.ReserveRequest(resource, 1, idempotencyKey, holder);
        return DependencyCalls.guard(Uni.createFrom().deferred(() -> quotas.reserve(organizationId, request)), "billing-service", timeout)
                .onFailure(Quotas::notRecordedYet).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .expireIn(catchUp.toMillis())
                .onFailure(e -> notRecordedYet(e) || notRecordedYet(e.getCause())).transform(e -> ProblemException.unavailable("billing-service", "Not recorded yet",
                        "billing-service has not recorded organization " + organizationId + " yet (it follows the events of "
                                + "its creation); try again in a few seconds"))
                .onFailure(WebApplicationException.class).transform(e -> {
                    jakarta.ws.rs.core.Response refusal = ((WebApplicationException) e).getResponse();
                    if (refusal.getStatus() != 409) {
                        return ProblemRelay.of(refusal).map(Throwable.class::cast).orElse(e);
                    }
                    return ProblemRelay.of(refusal).orElseGet(() -> new ProblemException(409,
                            "Limit reached", "the organization has reached its " + resource
                                    + " limit (a sub-organization shares its root's); raise the limit or free some first"));
                })
                .map(QuotaApi.Reservation::id);
    }

    /**
     * The one sequence for a limited thing: reserve its unit, {@code record} it (in a transaction whose outbox event
     * names the reservation), give the unit back when recording failed. billing-service commits the unit when it
     * consumes the recorded event (every such event names its reservation), so no call is spent on it here and a unit
     * of a thing that exists never waits for its hold to expire; until then it counts as held, which limits count alike.
     */
    public <T> Uni<T> hold(UUID organizationId, String resource, String idempotencyKey, Function<UUID, Uni<T>> record) {
        return hold(organizationId, resource, idempotencyKey, null, record);
    }

    /** As {@link #hold(UUID, String, String, Function)}, the unit held by {@code holder}. */
    public <T> Uni<T> hold(UUID organizationId, String resource, String idempotencyKey, String holder, Function<UUID, Uni<T>> record) {
        Uni<UUID> reserved = holder == null ? reserve(organizationId, resource, idempotencyKey)
                : reserve(organizationId, resource, idempotencyKey, holder);
        return reserved.chain(reservation -> record.apply(reservation)
                .onFailure().call(() -> release(organizationId, reservation).onFailure().invoke(e -> LOG.warnf(
                        "reservation %s of organization %s was not released after a failed write (it expires): %s",
                        reservation, organizationId, e.toString())).onFailure().recoverWithNull()));
    }

    /** The retries ending wrap the last 404 in their own exception: hence the cause is asked too. */
    private static boolean notRecordedYet(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
    }

    public Uni<Void> release(UUID organizationId, UUID reservationId) {
        return DependencyCalls.guard(quotas.release(organizationId, reservationId), "billing-service", timeout).replaceWithVoid();
    }
}
