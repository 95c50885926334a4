package dev.orgplatform.user.membership.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.MemberTransfer;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.membership.MemberTransferRule;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Moves a member to another organization of the same tree ({@link MemberTransferRule}): they leave here as a removal
 * would take them ({@link MemberDeparture}) and arrive there with the new role ({@link MemberAdmission#arrive}), in
 * one transaction with one event on each side. Their seat moves with them at billing-service.
 */
@ApplicationScoped
public class MemberTransferService {

    /** Who moves from where to where, as what. */
    public record Transfer(UUID fromOrganizationId, UUID userId, UUID toOrganizationId, Role role) {
    }

    private final MembershipRepository memberships;
    private final OrganizationNodeRepository nodes;
    private final MemberDeparture departure;
    private final MemberAdmission admission;
    private final Outbox outbox;
    private final AccessChangeFeed feed;

    public MemberTransferService(MembershipRepository memberships, OrganizationNodeRepository nodes, MemberDeparture departure,
            MemberAdmission admission, Outbox outbox, AccessChangeFeed feed) {
        this.memberships = memberships;
        this.nodes = nodes;
        this.departure = departure;
        this.admission = admission;
        this.outbox = outbox;
        this.feed = feed;
    }

    /** Emits the new membership once this replica's access view holds it (the caller may act on it at once). */
    public Uni<Membership> transfer(Transfer t, Role callerInSource, Role callerInTarget) {
        return record(t, callerInSource, callerInTarget).call(feed::awaitApplied);
    }

    @WithTransaction
    Uni<Membership> record(Transfer t, Role callerInSource, Role callerInTarget) {
        // both sides locked in one order: two transfers of one person never both see them absent from a side
        UUID first = t.fromOrganizationId().compareTo(t.toOrganizationId()) <= 0 ? t.fromOrganizationId() : t.toOrganizationId();
        UUID second = first.equals(t.fromOrganizationId()) ? t.toOrganizationId() : t.fromOrganizationId();
        return memberships.lockAdmission(first, t.userId())
                .chain(() -> memberships.lockAdmission(second, t.userId()))
                .chain(() -> memberships.membershipOf(t.fromOrganizationId(), t.userId()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("member " + t.userId() + " of organization "
                        + t.fromOrganizationId()))
                .chain(m -> nodes.rootOf(t.fromOrganizationId()).chain(fromRoot -> nodes.rootOf(t.toOrganizationId())
                        .chain(toRoot -> memberships.isMember(t.toOrganizationId(), t.userId())
                                .chain(there -> memberships.suspendedIn(t.fromOrganizationId(), t.userId())
                                        .invoke(suspended -> MemberTransferRule.require(new MemberTransferRule.Facts(
                                                t.fromOrganizationId(), t.toOrganizationId(), fromRoot, toRoot, callerInSource,
                                                callerInTarget, m.role, t.role(), there, suspended)))))
                        .chain(() -> move(m, t))));
    }

    private Uni<Membership> move(Membership m, Transfer t) {
        Role previous = m.role;
        return departure.leave(m, () -> outbox.publish(MembershipEvents.TOPIC, MemberTransfer.OUT, m.organizationId,
                        "memberships/" + m.id, new MemberTransfer(m.organizationId, m.userId, m.organizationId, t.toOrganizationId(), m.id,
                                previous.name(), t.role().name())))
                .chain(() -> admission.arrive(t.toOrganizationId(), t.userId(), t.role(), m.organizationId, previous));
    }
}
