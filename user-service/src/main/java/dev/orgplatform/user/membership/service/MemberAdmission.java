package dev.orgplatform.user.membership.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.MemberTransfer;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.Team;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The one way someone becomes a member (an accepted invitation, the creator of an organization, a new Owner by
 * transfer): they get a profile, the membership with its role (an existing member keeps theirs), and a place in
 * the named teams ("My Team" when none is named or the organization has no team of that name). Runs inside the
 * caller's transaction; the access view follows from the change feed once it commits.
 */
@ApplicationScoped
public class MemberAdmission {

    /** Who joins where, as what; {@code email} and {@code name} seed a profile first seen here. */
    public record Admission(UUID organizationId, UUID userId, String email, String name, Role role, List<String> teams,
            TeamMember.TeamRole teamRole) {
    }

    private final MembershipRepository memberships;
    private final UserProfileService profiles;
    private final TeamService teams;
    private final Outbox outbox;
    private final PlatformClock clock;

    public MemberAdmission(MembershipRepository memberships, UserProfileService profiles, TeamService teams, Outbox outbox,
            PlatformClock clock) {
        this.memberships = memberships;
        this.profiles = profiles;
        this.teams = teams;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Emits the membership, new or existing. */
    public Uni<Membership> admit(Admission a) {
        List<String> names = a.teams() == null || a.teams().isEmpty() ? List.of(Team.DEFAULT_NAME) : a.teams();
        return profiles.ensureProfile(a.userId(), a.email(), a.name())
                .chain(() -> memberships.membershipOf(a.organizationId(), a.userId()))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : grant(a.organizationId(), a.userId(), a.role()))
                .call(m -> Multi.createFrom().iterable(names)
                        .onItem().transformToUniAndConcatenate(name -> teams.namedOrDefault(a.organizationId(), name)
                                .chain(team -> teams.join(team, a.userId(), a.teamRole())))
                        .collect().asList());
    }

    /**
     * Someone moved in from another organization of the tree ({@link MemberTransfer#IN}): the membership with its role
     * and a place in "My Team", as an invitation without teams gives; their profile exists already.
     */
    public Uni<Membership> arrive(UUID organizationId, UUID userId, Role role, UUID fromOrganizationId, Role previousRole) {
        Membership m = membership(organizationId, userId, role);
        return memberships.persist(m)
                .call(saved -> outbox.publish(MembershipEvents.TOPIC, MemberTransfer.IN, organizationId, "memberships/" + saved.id,
                        new MemberTransfer(organizationId, userId, fromOrganizationId, organizationId, saved.id, previousRole.name(),
                                role.name())))
                .call(() -> teams.defaultTeam(organizationId).chain(team -> teams.join(team, userId, TeamMember.TeamRole.MEMBER)));
    }

    private Uni<Membership> grant(UUID organizationId, UUID userId, Role role) {
        return memberships.persist(membership(organizationId, userId, role))
                .call(saved -> outbox.publish(MembershipEvents.TOPIC, EventTypes.MEMBERSHIP_GRANTED, organizationId, "memberships/" + saved.id,
                        new MembershipEvents.MembershipGranted(saved.id, organizationId, userId, role.name())));
    }

    private Membership membership(UUID organizationId, UUID userId, Role role) {
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.organizationId = organizationId;
        m.userId = userId;
        m.role = role;
        m.createdAt = clock.now();
        return m;
    }
}
