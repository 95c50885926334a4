package dev.orgplatform.billing.service;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.ReservationState;
import dev.orgplatform.billing.ResourceQuota;
import dev.orgplatform.billing.repository.ReservationRepository;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Quota reservations: reserve before creating a limited thing, then commit it, or release it. */
@ApplicationScoped
public class QuotaService {

    private final ResourceQuotaRepository quotas;
    private final ReservationRepository reservations;
    private final PlatformClock clock;
    private final Duration holdFor;

    public QuotaService(ResourceQuotaRepository quotas, ReservationRepository reservations, PlatformClock clock,
            @ConfigProperty(name = "billing.reservation.hold", defaultValue = "PT15M") Duration holdFor) {
        this.quotas = quotas;
        this.reservations = reservations;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /** Emits the reservation; a retry with the same idempotency key gets the first one back unchanged. */
    @WithTransaction
    public Uni<Reservation> reserve(UUID organizationId, LimitedResource resource, long amount, String idempotencyKey) {
        return reservations.find("organizationId = ?1 and idempotencyKey = ?2", organizationId, idempotencyKey).firstResult()
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : quotas.take(organizationId, resource, amount).chain(taken -> {
                            if (!taken) {
                                return quotas.findById(new ResourceQuota.Key(organizationId, resource))
                                        .map(q -> { throw limitReached(organizationId, resource, q); });
                            }
                            Reservation r = new Reservation();
                            r.id = UUID.randomUUID();
                            r.organizationId = organizationId;
                            r.resource = resource;
                            r.amount = amount;
                            r.idempotencyKey = idempotencyKey;
                            r.state = ReservationState.HELD;
                            r.createdAt = clock.now();
                            r.expiresAt = r.createdAt.plus(holdFor);
                            return reservations.persist(r);
                        }));
    }

    /** The limited thing exists now: its units stay taken until released. */
    @WithTransaction
    public Uni<Reservation> commit(UUID organizationId, UUID reservationId) {
        return held(organizationId, reservationId).map(r -> {
            if (r.state == ReservationState.HELD) {
                r.state = ReservationState.COMMITTED;
            } else if (r.state != ReservationState.COMMITTED) {
                throw ProblemException.conflict("reservation " + reservationId + " is " + r.state + " and can no longer be committed");
            }
            return r;
        });
    }

    /** Gives the units back; releasing twice is harmless. */
    @WithTransaction
    public Uni<Reservation> release(UUID organizationId, UUID reservationId) {
        return held(organizationId, reservationId).chain(r -> {
            if (r.state != ReservationState.HELD && r.state != ReservationState.COMMITTED) {
                return Uni.createFrom().item(r);
            }
            r.state = ReservationState.RELEASED;
            return quotas.giveBack(organizationId, r.resource, r.amount).replaceWith(r);
        });
    }

    private Uni<Reservation> held(UUID organizationId, UUID reservationId) {
        return reservations.findById(reservationId).map(r -> {
            if (r == null || !r.organizationId.equals(organizationId)) {
                throw ProblemException.notFound("reservation " + reservationId);
            }
            return r;
        });
    }

    private static ProblemException limitReached(UUID organizationId, LimitedResource resource, ResourceQuota q) {
        if (q == null) {
            return ProblemException.notFound("billing account of organization " + organizationId);
        }
        return new ProblemException(409, "Limit reached", "the organization uses " + q.used + " of its " + q.limitValue + " "
                + resource.key() + "; raise the limit or free some first", null,
                Map.of("resource", resource.key(), "limit", q.limitValue, "used", q.used));
    }
}
