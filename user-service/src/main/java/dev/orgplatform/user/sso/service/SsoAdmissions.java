package dev.orgplatform.user.sso.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.service.MemberAdmission;
import dev.orgplatform.user.sso.DomainName;
import dev.orgplatform.user.sso.SsoConnection;
import dev.orgplatform.user.sso.messaging.SsoEvents;
import dev.orgplatform.user.sso.repository.OrganizationDomainRepository;
import dev.orgplatform.user.sso.repository.SsoConnectionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Just-in-time membership: someone who signed in through an organization's SSO connection, with an email of a domain
 * that organization verified, becomes its member with the connection's default role and team, taking a user seat.
 * Exactly once however often and on however many replicas it is asked (the console after sign-in, every replica's
 * login-event poll): one admission per person and organization at a time, one seat per sign-in.
 */
@ApplicationScoped
public class SsoAdmissions {

    /** Where the sign-in made (or found) the person a member. */
    public record Admitted(UUID organizationId, UUID connectionId, String role, boolean joinedNow) {
    }

    private final SsoConnectionRepository connections;
    private final OrganizationDomainRepository domains;
    private final MembershipRepository memberships;
    private final MemberAdmission admission;
    private final Quotas quotas;
    private final AccessChangeFeed feed;
    private final Outbox outbox;
    private final PlatformClock clock;

    public SsoAdmissions(SsoConnectionRepository connections, OrganizationDomainRepository domains, MembershipRepository memberships,
            MemberAdmission admission, Quotas quotas, AccessChangeFeed feed, Outbox outbox, PlatformClock clock) {
        this.clock = clock;
        this.connections = connections;
        this.domains = domains;
        this.memberships = memberships;
        this.admission = admission;
        this.quotas = quotas;
        this.feed = feed;
        this.outbox = outbox;
    }

    /** Null when {@code identityProvider} is no organization's live connection; a 403 for an unverified domain, a 409 with no seat. */
    public Uni<Admitted> admit(UUID userId, String email, String name, String identityProvider, String sessionId) {
        if (identityProvider == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> connections.liveByAlias(identityProvider).chain(c -> c == null ? Uni.createFrom().nullItem()
                : eligible(c, email).chain(() -> memberships.membershipOf(c.organizationId, userId)).chain(m -> m != null
                        ? Uni.createFrom().item(new Decision(c, new Admitted(c.organizationId, c.id, m.role.name(), false)))
                        : connections.handled(sessionKey(sessionId, userId)).map(handled -> handled ? null : new Decision(c, null)))))
                .chain(d -> d == null ? Uni.createFrom().nullItem() : d.known() != null ? Uni.createFrom().item(d.known())
                        : quotas.hold(d.connection().organizationId, ReservationKeys.USERS, ReservationKeys.ssoMember(userId, sessionKey(sessionId, userId)),
                                ReservationKeys.member(userId), reservation -> joined(d.connection(), userId, email, name, sessionId, reservation))
                                .onFailure(e -> e instanceof ProblemException p && p.status() == 409).transform(e -> new ProblemException(409,
                                        "No seat left", "every user seat of the organization is taken, so " + email + " cannot join it"
                                        + " through SSO: an administrator frees a seat or raises the users limit, then you sign in again"))
                                .call(feed::awaitApplied));
    }

    private record Decision(SsoConnection connection, Admitted known) {
    }

    private Uni<Void> eligible(SsoConnection c, String email) {
        String domain = DomainName.ofEmail(email);
        return (domain == null ? Uni.createFrom().<List<String>>item(List.of()) : domains.verifiedDomainsOf(c.organizationId)).map(verified -> {
            if (domain == null || !verified.contains(domain)) {
                throw ProblemException.forbidden("the email " + email + " is not of a domain the organization verified, so signing in"
                        + " through its SSO connection does not make you a member");
            }
            return null;
        });
    }

    @WithTransaction
    Uni<Admitted> joined(SsoConnection c, UUID userId, String email, String name, String sessionId, UUID reservation) {
        return memberships.lockAdmission(c.organizationId, userId).chain(() -> memberships.membershipOf(c.organizationId, userId))
                .chain(existing -> connections.firstHandling(sessionKey(sessionId, userId), userId, c.organizationId, clock.now())
                        .chain(first -> existing != null || !first
                        ? Uni.createFrom().item(new Admitted(c.organizationId, c.id, existing == null ? null : existing.role.name(), false))
                        : admission.admit(new MemberAdmission.Admission(c.organizationId, userId, email, name, c.defaultRole,
                                c.defaultTeam == null ? List.of() : List.of(c.defaultTeam), TeamMember.TeamRole.MEMBER))
                                .call(m -> outbox.publish(SsoEvents.TOPIC, EventTypes.MEMBER_JOINED_THROUGH_SSO, c.organizationId,
                                        "memberships/" + m.id, new SsoEvents.MemberJoinedThroughSso(c.organizationId, userId, c.id,
                                                c.defaultRole.name(), c.defaultTeam, reservation)))
                                .map(m -> new Admitted(c.organizationId, c.id, m.role.name(), true))));
    }

    /** A sign-in without a session id (none in the token) is keyed by its person: it admits them once. */
    private static String sessionKey(String sessionId, UUID userId) {
        return sessionId != null ? sessionId : "user:" + userId;
    }
}
