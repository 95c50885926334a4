package dev.orgplatform.billing.service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.PlanFeature;
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
 * never committed give themselves back at {@code expiresAt} ({@link ReservationExpiryJob}). Units count in the
 * organization's own usage and against its tree's limit ({@link BilledAtRoot}).
 */
@ApplicationScoped
public class QuotaService {

    private static final Logger LOG = Logger.getLogger(QuotaService.class);

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
                    : take(account, resource, amount).chain(() -> reservations.findById(r.id)));
        });
    }

    /** Takes the units from the tree's limit, counted in the organization's own usage; 409 when they do not fit. */
    private Uni<Void> take(BillingAccount account, LimitedResource resource, long amount) {
        return quotas.lockTree(account.billingRootId, resource).chain(usage -> {
            if (usage == null) {
                throw ProblemException.notFound("billing account of organization " + account.billingRootId
                        + ", the root of organization " + account.organizationId);
            }
            if (!usage.fits(amount) && resource == LimitedResource.SUB_ORGANIZATIONS) {
                return accounts.rootOf(account).chain(root -> Uni.createFrom().<Void>failure(
                        PlanFeatures.notIncluded(root.plan, PlanFeature.SUB_ORGANIZATIONS, root.organizationId)));
            }
            if (!usage.fits(amount)) {
                throw limitReached(account, resource, usage);
            }
            return quotas.add(account.organizationId, resource, amount).chain(() -> alertsOfTree(account, resource));
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

    /**
     * Call inside a transaction with the reservation locked, once the thing it was made for exists: a HELD reservation
     * becomes COMMITTED. One that EXPIRED first (its creator's commit call failed and the creation event came late)
     * takes its units again if they still fit; if not, the thing stays uncounted and a warning says so.
     */
    public Uni<Reservation> confirm(Reservation r) {
        if (r.state == ReservationState.HELD) {
            r.state = ReservationState.COMMITTED;
        }
        if (r.state != ReservationState.EXPIRED) {
            return Uni.createFrom().item(r);
        }
        return accounts.findById(r.organizationId).chain(account -> account == null ? Uni.createFrom().item(r)
                : quotas.lockTree(account.billingRootId, r.resource).chain(usage -> {
                    if (usage == null || !usage.fits(r.amount)) {
                        LOG.warnf("reservation %s of %s %s expired before what it was made for was recorded, and the tree of %s has no room "
                                + "left: it stays uncounted", r.id, r.amount, r.resource.key(), account.billingRootId);
                        return Uni.createFrom().item(r);
                    }
                    r.state = ReservationState.COMMITTED;
                    return quotas.add(r.organizationId, r.resource, r.amount).chain(() -> alertsOfTree(account, r.resource)).replaceWith(r);
                }));
    }

    /** Call inside a transaction with the reservation locked: HELD or COMMITTED units go back to the quota. */
    public Uni<Reservation> giveBack(Reservation r) {
        return end(r, ReservationState.RELEASED);
    }

    /**
     * Call inside a transaction with the reservation locked: its units count in {@code organizationId} from now on (a
     * member moved within the tree); the tree's usage stays. Units that would leave their tree are given back instead.
     */
    public Uni<Reservation> move(Reservation r, UUID organizationId) {
        if (r.organizationId.equals(organizationId)) {
            return Uni.createFrom().item(r);
        }
        return accounts.findById(r.organizationId).chain(from -> accounts.findById(organizationId).chain(to -> {
            if (from == null || to == null || !from.billingRootId.equals(to.billingRootId)) {
                LOG.warnf("reservation %s of %s cannot move from %s to %s, outside its tree: it is given back", r.id, r.resource.key(),
                        r.organizationId, organizationId);
                return giveBack(r);
            }
            return quotas.lockTree(from.billingRootId, r.resource)
                    .chain(() -> quotas.giveBack(r.organizationId, r.resource, r.amount))
                    .chain(() -> quotas.add(organizationId, r.resource, r.amount))
                    .invoke(() -> r.organizationId = organizationId)
                    .replaceWith(r);
        }));
    }

    /** Returns the units of HELD reservations whose time ran out; emits how many expired (one batch). */
    @WithTransaction
    public Uni<Integer> expireDue() {
        return reservations.dueForExpiry(clock.now(), expiryBatch).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return accounts.list("organizationId in ?1", due.stream().map(r -> r.organizationId).distinct().toList()).chain(found -> {
                Map<UUID, BillingAccount> byOrganization = found.stream().collect(Collectors.toMap(a -> a.organizationId, a -> a));
                // trees locked in one order everywhere (root, then resource by name, as plan changes do): no deadlock
                List<Reservation> ordered = due.stream()
                        .sorted(Comparator.comparing((Reservation r) -> rootIdOf(r, byOrganization.get(r.organizationId)))
                                .thenComparing(r -> r.resource.name()))
                        .toList();
                return Multi.createFrom().iterable(ordered).onItem().transformToUniAndConcatenate(r -> end(r, ReservationState.EXPIRED))
                        .collect().asList().map(List::size);
            });
        });
    }

    private Uni<Reservation> end(Reservation r, ReservationState finalState) {
        if (r.state != ReservationState.HELD && r.state != ReservationState.COMMITTED) {
            return Uni.createFrom().item(r);
        }
        r.state = finalState;
        return accounts.findById(r.organizationId).chain(account -> quotas.lockTree(rootIdOf(r, account), r.resource)
                .chain(() -> quotas.giveBack(r.organizationId, r.resource, r.amount))
                .chain(() -> account == null ? Uni.createFrom().voidItem() : alertsOfTree(account, r.resource)))
                .replaceWith(r);
    }

    /** The tree's alerts (raised on its root) after its usage changed; call with the tree locked. */
    private Uni<Void> alertsOfTree(BillingAccount account, LimitedResource resource) {
        return accounts.rootOf(account).chain(a -> a == null ? Uni.createFrom().voidItem() : alerts.evaluate(a, resource));
    }

    private static UUID rootIdOf(Reservation r, BillingAccount account) {
        return account == null ? r.organizationId : account.billingRootId;
    }

    private Uni<Reservation> of(UUID organizationId, UUID reservationId) {
        return reservations.locked(reservationId).map(r -> {
            if (r == null || !r.organizationId.equals(organizationId)) {
                throw ProblemException.notFound("reservation " + reservationId);
            }
            return r;
        });
    }

    private static ProblemException limitReached(BillingAccount account, LimitedResource resource, ResourceQuotaRepository.Usage u) {
        String who = account.isRoot() ? "the organization and its sub-organizations use " : "the tree of root organization "
                + account.billingRootId + " uses ";
        return new ProblemException(409, "Limit reached", who + u.used() + " of its " + u.limit() + " " + resource.key()
                + "; raise the limit or free some first", null,
                Map.of("resource", resource.key(), "limit", u.limit(), "used", u.used(), "billingOrganizationId", account.billingRootId));
    }
}
