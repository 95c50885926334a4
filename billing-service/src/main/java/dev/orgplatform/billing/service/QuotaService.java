package dev.orgplatform.billing.service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.ReservationState;
import dev.orgplatform.billing.config.ReservationConfig;
import dev.orgplatform.billing.repository.BillingAccountRepository;
import dev.orgplatform.billing.repository.ReservationRepository;
import dev.orgplatform.billing.repository.ResourceQuotaRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Quota reservations: reserve before creating a limited thing, then commit it, or release it. HELD units that are
 * never committed give themselves back at {@code expiresAt} ({@link ReservationExpiryJob}).
 */
@ApplicationScoped
public class QuotaService {

    private final BillingAccountRepository accounts;
    private final ResourceQuotaRepository quotas;
    private final ReservationRepository reservations;
    private final UsageAlerts alerts;
    private final PlatformClock clock;
    private final Duration holdFor;
    private final int expiryBatch;

    public QuotaService(BillingAccountRepository accounts, ResourceQuotaRepository quotas, ReservationRepository reservations,
            UsageAlerts alerts, PlatformClock clock, ReservationConfig config) {
        this.accounts = accounts;
        this.quotas = quotas;
        this.reservations = reservations;
        this.alerts = alerts;
        this.clock = clock;
        this.holdFor = config.hold();
        this.expiryBatch = config.expiryBatch();
    }

    /**
     * Emits the reservation; a retry with the same idempotency key, even one running at the same moment, gets the
     * first one back unchanged. {@code holder} null = the idempotency key.
     */
    @WithTransaction
    public Uni<Reservation> reserve(NewReservation request) {
        UUID organizationId = request.organizationId();
        LimitedResource resource = request.resource();
        long amount = request.amount();
        String idempotencyKey = request.idempotencyKey();
        return accounts.active(organizationId).chain(account -> {
            Reservation r = new Reservation();
            r.id = UUID.randomUUID();
            r.organizationId = organizationId;
            r.resource = resource;
            r.amount = amount;
            r.idempotencyKey = idempotencyKey;
            r.holder = request.holder() == null ? idempotencyKey : request.holder();
            r.state = ReservationState.HELD;
            r.createdAt = clock.now();
            r.expiresAt = r.createdAt.plus(holdFor);
            return reservations.insertIfAbsent(r).chain(inserted -> inserted == 0
                    ? reservations.byKey(organizationId, idempotencyKey)
                    : quotas.take(organizationId, resource, amount).chain(taken -> !taken
                            ? quotas.usage(organizationId, resource).map(u -> { throw limitReached(organizationId, resource, u); })
                            : alerts.evaluate(account, resource).chain(() -> reservations.findById(r.id))));
        });
    }

    /** The limited thing exists now: its units stay taken until released. */
    @WithTransaction
    public Uni<Reservation> commit(UUID organizationId, UUID reservationId) {
        return accounts.active(organizationId).chain(() -> of(organizationId, reservationId)).map(r -> {
            if (r.state == ReservationState.HELD) {
                r.state = ReservationState.COMMITTED;
            } else if (r.state != ReservationState.COMMITTED) {
                throw ProblemException.conflict("reservation " + reservationId + " is " + r.state + " and can no longer be committed");
            }
            return r;
        });
    }

    /** Gives the units back; releasing twice is harmless. Allowed while the organization is pending deletion. */
    @WithTransaction
    public Uni<Reservation> release(UUID organizationId, UUID reservationId) {
        return of(organizationId, reservationId).chain(this::giveBack);
    }

    /** Call inside a transaction with the reservation locked: a HELD reservation becomes COMMITTED; any other stays. */
    public Uni<Reservation> confirm(Reservation r) {
        if (r.state == ReservationState.HELD) {
            r.state = ReservationState.COMMITTED;
        }
        return Uni.createFrom().item(r);
    }

    /** Call inside a transaction with the reservation locked: HELD or COMMITTED units go back to the quota. */
    public Uni<Reservation> giveBack(Reservation r) {
        return end(r, ReservationState.RELEASED);
    }

    /** Returns the units of HELD reservations whose time ran out; emits how many expired (one batch). */
    @WithTransaction
    public Uni<Integer> expireDue() {
        return reservations.dueForExpiry(clock.now(), expiryBatch).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // always the same lock order on quota rows, so concurrent batches never deadlock
            List<Reservation> ordered = due.stream()
                    .sorted(Comparator.comparing((Reservation r) -> r.organizationId).thenComparing(r -> r.resource.ordinal())).toList();
            return Multi.createFrom().iterable(ordered).onItem().transformToUniAndConcatenate(r -> end(r, ReservationState.EXPIRED))
                    .collect().asList().map(List::size);
        });
    }

    private Uni<Reservation> end(Reservation r, ReservationState finalState) {
        if (r.state != ReservationState.HELD && r.state != ReservationState.COMMITTED) {
            return Uni.createFrom().item(r);
        }
        r.state = finalState;
        return quotas.giveBack(r.organizationId, r.resource, r.amount)
                .chain(() -> accounts.findById(r.organizationId))
                .chain(account -> account == null ? Uni.createFrom().voidItem() : alerts.evaluate(account, r.resource))
                .replaceWith(r);
    }

    private Uni<Reservation> of(UUID organizationId, UUID reservationId) {
        return reservations.locked(reservationId).map(r -> {
            if (r == null || !r.organizationId.equals(organizationId)) {
                throw ProblemException.notFound("reservation " + reservationId);
            }
            return r;
        });
    }

    private static ProblemException limitReached(UUID organizationId, LimitedResource resource, ResourceQuotaRepository.Usage u) {
        if (u == null) {
            return ProblemException.notFound("billing account of organization " + organizationId);
        }
        return new ProblemException(409, "Limit reached", "the organization uses " + u.used() + " of its " + u.limit() + " "
                + resource.key() + "; raise the limit or free some first", null,
                Map.of("resource", resource.key(), "limit", u.limit(), "used", u.used()));
    }
}
