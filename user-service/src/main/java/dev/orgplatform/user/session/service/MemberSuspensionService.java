package dev.orgplatform.user.session.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.membership.TreeMembership;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.session.MemberSuspension;
import dev.orgplatform.user.session.SuspensionRule;
import dev.orgplatform.user.session.repository.MemberSuspensionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Suspending a member in one organization: every check there and beneath it denies, the member keeps every other
 * organization and their account. The suspension and its events (one per organization it touches: this one and
 * each beneath it where the member holds a role, so each one's audit log shows it) commit together; the answer
 * waits for this replica's view; then the member's sessions end, so a token issued before cannot outlive it.
 */
@ApplicationScoped
public class MemberSuspensionService {

    /** Who decides, with the caller's effective role in the organization (asked at the gate). */
    public record Decision(UUID organizationId, UUID userId, UUID callerId, Role callerRole) {
    }

    private static final Logger LOG = Logger.getLogger(MemberSuspensionService.class);

    private final MemberSuspensionRepository suspensions;
    private final MembershipRepository memberships;
    private final Outbox outbox;
    private final AccessChangeFeed feed;
    private final Keycloak keycloak;
    private final PlatformClock clock;

    public MemberSuspensionService(MemberSuspensionRepository suspensions, MembershipRepository memberships, Outbox outbox,
            AccessChangeFeed feed, Keycloak keycloak, PlatformClock clock) {
        this.suspensions = suspensions;
        this.memberships = memberships;
        this.outbox = outbox;
        this.feed = feed;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    public Uni<MemberSuspension> suspend(Decision d, String reason) {
        return record(d, reason).call(feed::awaitApplied).call(() -> endSessions(d.userId()));
    }

    /** Lifting a suspension that does not exist changes nothing. */
    public Uni<Void> lift(Decision d) {
        return remove(d).call(feed::awaitApplied);
    }

    @WithSession
    public Uni<List<MemberSuspension>> inOrganization(UUID organizationId) {
        return suspensions.inOrganization(organizationId);
    }

    /** Suspending again only updates the reason, with no new event when it is the same. */
    @WithTransaction
    Uni<MemberSuspension> record(Decision d, String reason) {
        return allowed(d).chain(touched -> suspensions.of(d.organizationId(), d.userId()).chain(existing -> {
            if (existing != null && existing.reason.equals(reason)) {
                return Uni.createFrom().item(existing);
            }
            MemberSuspension s = existing != null ? existing : new MemberSuspension();
            if (existing == null) {
                s.id = UUID.randomUUID();
                s.organizationId = d.organizationId();
                s.userId = d.userId();
                s.suspendedAt = clock.now();
            }
            s.reason = reason;
            s.suspendedBy = d.callerId();
            return suspensions.persist(s).call(() -> outbox.publishToEach(MembershipEvents.TOPIC, EventTypes.MEMBER_SUSPENDED,
                    touched, "users/" + d.userId(), org -> new MembershipEvents.MemberSuspended(org, d.userId(), d.organizationId(), reason)));
        }));
    }

    @WithTransaction
    Uni<Void> remove(Decision d) {
        return allowed(d).chain(touched -> suspensions.of(d.organizationId(), d.userId()).chain(existing -> existing == null
                ? Uni.createFrom().voidItem()
                : suspensions.remove(existing).replaceWithVoid().call(() -> outbox.publishToEach(MembershipEvents.TOPIC,
                        EventTypes.MEMBER_REACTIVATED, touched, "users/" + d.userId(),
                        org -> new MembershipEvents.MemberReactivated(org, d.userId(), d.organizationId())))));
    }

    /** The rule, on the memberships as they are in this transaction; answers the organizations the decision touches. */
    private Uni<List<UUID>> allowed(Decision d) {
        return memberships.inTreeOf(d.organizationId(), d.userId()).map(around -> {
            SuspensionRule.maySuspendIn(d.callerId(), d.callerRole(), d.userId(), around);
            List<UUID> touched = new ArrayList<>(List.of(d.organizationId()));
            around.stream().filter(m -> m.place() == TreeMembership.Place.DESCENDANT).map(TreeMembership::organizationId)
                    .forEach(touched::add);
            return touched;
        });
    }

    /** After the commit; a Keycloak failure leaves the suspension in force (every check denies) and is only logged. */
    private Uni<Void> endSessions(UUID userId) {
        return keycloak.logoutAll(userId).onFailure().recoverWithUni(e -> {
            LOG.warnf("member %s suspended, but their sessions were not ended: %s", userId, e.toString());
            return Uni.createFrom().voidItem();
        });
    }
}
