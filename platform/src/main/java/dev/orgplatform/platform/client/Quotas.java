package dev.orgplatform.platform.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Reserve before creating a limited thing, commit once it exists, release when it goes. A full limit
 * becomes a 409 "Limit reached" problem, billing-service being down a 503.
 */
@ApplicationScoped
public class Quotas {

    private final QuotaApi quotas;
    private final Duration timeout;

    public Quotas(@RestClient QuotaApi quotas, @ConfigProperty(name = "platform.billing.timeout", defaultValue = "3s") Duration timeout) {
        this.quotas = quotas;
        this.timeout = timeout;
    }

    /** Idempotent by {@code idempotencyKey}: a retried call never takes twice. Emits the reservation id. */
    public Uni<UUID> reserve(UUID organizationId, String resource, String idempotencyKey) {
        return DependencyCalls.guard(quotas.reserve(organizationId, new QuotaApi.ReserveRequest(resource, 1, idempotencyKey)),
                "billing-service", timeout)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 409 ? new ProblemException(409, "Limit reached", "the organization has reached its "
                            + resource + " limit; raise the limit or free some first") : e;
                })
                .map(QuotaApi.Reservation::id);
    }

    public Uni<Void> commit(UUID organizationId, UUID reservationId) {
        return DependencyCalls.guard(quotas.commit(organizationId, reservationId), "billing-service", timeout).replaceWithVoid();
    }

    public Uni<Void> release(UUID organizationId, UUID reservationId) {
        return DependencyCalls.guard(quotas.release(organizationId, reservationId), "billing-service", timeout).replaceWithVoid();
    }
}
