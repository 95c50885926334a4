package dev.orgplatform.invitation.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.client.DependencyCalls;
import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** A pending invitation holds one of the organization's user seats at billing-service. */
@ApplicationScoped
public class SeatReservations {

    private final QuotaApi quotas;
    private final Duration timeout;

    public SeatReservations(@RestClient QuotaApi quotas,
            @ConfigProperty(name = "invitation.billing.timeout", defaultValue = "3s") Duration timeout) {
        this.quotas = quotas;
        this.timeout = timeout;
    }

    /** Idempotent by invitation id, so a retried call never takes two seats. */
    public Uni<UUID> reserve(UUID organizationId, UUID invitationId) {
        return DependencyCalls.guard(quotas.reserve(organizationId, new QuotaApi.ReserveRequest("users", 1, "invitation:" + invitationId)),
                "billing-service", timeout)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 409 ? new ProblemException(409, "Limit reached", "the organization has no free user seat; "
                            + "raise its user limit or revoke pending invitations") : e;
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
