package dev.orgplatform.billing.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockMode;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.ReservationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, UUID> {

    /**
     * Records a new HELD reservation unless one with this idempotency key exists. A concurrent insert of the same
     * key waits for the other transaction and then inserts nothing: emits 0, and the caller reads that one.
     */
    public Uni<Integer> insertIfAbsent(Reservation r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into reservation "
                + "(id, organization_id, resource, amount, idempotency_key, holder, state, created_at, expires_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (organization_id, idempotency_key) do nothing")
                .setParameter(1, r.id).setParameter(2, r.organizationId).setParameter(3, r.resource.name())
                .setParameter(4, r.amount).setParameter(5, r.idempotencyKey).setParameter(6, r.holder)
                .setParameter(7, r.state.name()).setParameter(8, r.createdAt).setParameter(9, r.expiresAt)
                .executeUpdate());
    }

    public Uni<Reservation> byKey(UUID organizationId, String idempotencyKey) {
        return find("organizationId = ?1 and idempotencyKey = ?2", organizationId, idempotencyKey).firstResult();
    }

    /** Locks the reservation first, so that release and expiry of the same one never interleave. */
    public Uni<Reservation> locked(UUID reservationId) {
        return findById(reservationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The units {@code holder} holds of {@code resource} (a member's seat), locked. */
    public Uni<List<Reservation>> heldBy(UUID organizationId, LimitedResource resource, String holder) {
        return find("organizationId = ?1 and resource = ?2 and holder = ?3 and state in ?4", organizationId, resource, holder,
                List.of(ReservationState.HELD, ReservationState.COMMITTED)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * HELD reservations whose time ran out, locked and skipping those another instance is expiring, ordered so
     * that quota rows are always locked in the same order.
     */
    public Uni<List<Reservation>> dueForExpiry(Instant now, int max) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from Reservation where state = ?1 and expiresAt <= ?2 "
                + "order by expiresAt", Reservation.class).setParameter(1, ReservationState.HELD).setParameter(2, now)
                .setMaxResults(max).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList());
    }

    /** Who holds units of {@code resource} anywhere in the tree of {@code rootId} (held or committed). */
    public Uni<List<String>> holdersInTree(UUID rootId, LimitedResource resource) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select r.holder from Reservation r join BillingAccount a "
                + "on a.organizationId = r.organizationId where a.billingRootId = ?1 and r.resource = ?2 "
                + "and r.state in ?3 order by r.createdAt", String.class).setParameter(1, rootId).setParameter(2, resource)
                .setParameter(3, List.of(ReservationState.HELD, ReservationState.COMMITTED)).getResultList());
    }

    /** The units {@code holder} holds of {@code resource} in any organization (a sub-organization's own unit), locked. */
    public Uni<List<Reservation>> heldAnywhereBy(LimitedResource resource, String holder) {
        return find("resource = ?1 and holder = ?2 and state in ?3", resource, holder,
                List.of(ReservationState.HELD, ReservationState.COMMITTED)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<Integer> changeHolder(UUID organizationId, UUID reservationId, String holder) {
        return update("holder = ?1 where organizationId = ?2 and id = ?3", holder, organizationId, reservationId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
