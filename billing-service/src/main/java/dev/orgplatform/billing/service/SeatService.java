package dev.orgplatform.billing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.Reservation;
import dev.orgplatform.billing.messaging.InvitationEvent;
import dev.orgplatform.billing.messaging.MembershipEvent;
import dev.orgplatform.billing.repository.ReservationRepository;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.MemberTransfer;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The seat rules: an organization's {@code users} usage = the Owner's seat + one per accepted member + one per
 * pending invitation. invitation-service reserves a pending invitation's seat (key {@code invitation:<id>});
 * accepted, the seat belongs to {@code user:<userId>}; revoked or expired, it is freed; a removed member frees theirs;
 * a member moved to another organization of the tree takes theirs along.
 */
@ApplicationScoped
public class SeatService {

    public static final String INVITATIONS_CONSUMER = "billing-service/invitations";
    public static final String API_KEYS_CONSUMER = "billing-service/apikeys";
    public static final String SSO_CONSUMER = "billing-service/sso";
    static final String MEMBERSHIPS_CONSUMER = "billing-service/memberships";

    private final ReservationRepository reservations;
    private final QuotaService quotas;
    private final ProcessedEvents processed;

    public SeatService(ReservationRepository reservations, QuotaService quotas, ProcessedEvents processed) {
        this.reservations = reservations;
        this.quotas = quotas;
        this.processed = processed;
    }

    /**
     * The invitation's seat becomes the member's; someone who already holds a seat there (a member accepting a second
     * invitation, the Owner) keeps theirs and the invitation's is given back. An organization's events are applied
     * one at a time (one partition per key), so two acceptances never race here.
     */
    @WithTransaction
    public Uni<Boolean> invitationAccepted(InboundEvent event, InvitationEvent accepted) {
        String member = ReservationKeys.member(accepted.userId());
        return processed.once(INVITATIONS_CONSUMER, event, () -> seatOf(accepted).chain(r -> r == null ? Uni.createFrom().voidItem()
                : reservations.heldBy(r.organizationId, LimitedResource.USERS, member).chain(held -> held.isEmpty()
                        ? reservations.changeHolder(r.organizationId, r.id, member)
                        : quotas.giveBack(r))));
    }

    /** Revoked or expired: the invitation's seat is free again. */
    @WithTransaction
    public Uni<Boolean> invitationClosed(InboundEvent event, InvitationEvent closed) {
        return processed.once(INVITATIONS_CONSUMER, event, () -> seatOf(closed).chain(r -> r == null ? Uni.createFrom().voidItem()
                : quotas.giveBack(r)));
    }

    @WithTransaction
    public Uni<Boolean> membershipRevoked(InboundEvent event, MembershipEvent revoked) {
        return processed.once(MEMBERSHIPS_CONSUMER, event, () -> reservations
                .heldBy(revoked.organizationId(), LimitedResource.USERS, ReservationKeys.member(revoked.userId()))
                .chain(held -> Multi.createFrom().iterable(held).onItem().transformToUniAndConcatenate(quotas::giveBack)
                        .collect().last()));
    }

    /** A member moved within the tree: their seat goes where they went; the tree's count stays. */
    @WithTransaction
    public Uni<Boolean> memberTransferred(InboundEvent event, MemberTransfer moved) {
        return processed.once(MEMBERSHIPS_CONSUMER, event, () -> reservations
                .heldBy(moved.fromOrganizationId(), LimitedResource.USERS, ReservationKeys.member(moved.userId()))
                .chain(held -> Multi.createFrom().iterable(held).onItem()
                        .transformToUniAndConcatenate(r -> quotas.move(r, moved.toOrganizationId()))
                        .collect().last()));
    }

    /**
     * The thing a reservation was made for exists (its creation event names the reservation): a reservation still held
     * is committed, whether or not the creator's own commit call got through.
     */
    @WithTransaction
    public Uni<Boolean> recorded(String consumer, InboundEvent event, UUID organizationId, UUID reservationId) {
        return processed.once(consumer, event, () -> reservationOf(organizationId, reservationId)
                .chain(r -> r == null ? Uni.createFrom().voidItem() : quotas.confirm(r).replaceWithVoid()));
    }

    /** The thing a reservation was made for is gone: its units go back (once; a released reservation stays so). */
    @WithTransaction
    public Uni<Boolean> ended(String consumer, InboundEvent event, UUID organizationId, UUID reservationId) {
        return processed.once(consumer, event, () -> reservationOf(organizationId, reservationId)
                .chain(r -> r == null ? Uni.createFrom().voidItem() : quotas.giveBack(r).replaceWithVoid()));
    }

    private Uni<Reservation> reservationOf(UUID organizationId, UUID reservationId) {
        return reservations.locked(reservationId).map(r -> r != null && r.organizationId.equals(organizationId) ? r : null);
    }

    /** The invitation's reservation, locked: by its id, else by invitation-service's key; null if unknown. */
    private Uni<Reservation> seatOf(InvitationEvent e) {
        Uni<Reservation> found = e.reservationId() != null ? reservations.locked(e.reservationId())
                : reservations.byKey(e.organizationId(), ReservationKeys.invitation(e.invitationId()))
                        .chain(r -> r == null ? Uni.createFrom().nullItem() : reservations.locked(r.id));
        return found.map(r -> r != null && r.organizationId.equals(e.organizationId()) ? r : null);
    }
}
