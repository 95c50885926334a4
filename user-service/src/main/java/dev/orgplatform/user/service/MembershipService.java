package dev.orgplatform.user.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.user.Membership;
import dev.orgplatform.user.OrganizationNode;
import dev.orgplatform.user.Role;
import dev.orgplatform.user.Team;
import dev.orgplatform.user.TeamMember;
import dev.orgplatform.user.messaging.MembershipEvents;
import dev.orgplatform.user.messaging.OrganizationEvent;
import dev.orgplatform.user.repository.MembershipRepository;
import dev.orgplatform.user.repository.OrganizationNodeRepository;
import dev.orgplatform.user.repository.TeamMemberRepository;
import dev.orgplatform.user.repository.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipService {

    static final String ORGANIZATIONS_CONSUMER = "user-service/organizations";

    private final MembershipRepository memberships;
    private final OrganizationNodeRepository nodes;
    private final TeamRepository teams;
    private final TeamMemberRepository teamMembers;
    private final UserProfileService profiles;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final AccessView view;
    private final PlatformClock clock;

    public MembershipService(MembershipRepository memberships, OrganizationNodeRepository nodes, TeamRepository teams,
            TeamMemberRepository teamMembers, UserProfileService profiles, ProcessedEvents processed, Outbox outbox,
            AccessView view, PlatformClock clock) {
        this.memberships = memberships;
        this.nodes = nodes;
        this.teams = teams;
        this.teamMembers = teamMembers;
        this.profiles = profiles;
        this.processed = processed;
        this.outbox = outbox;
        this.view = view;
        this.clock = clock;
    }

    /** The creator of an organization becomes its Owner, in a new team "My Team". Exactly once per event. */
    public Uni<Void> organizationCreated(InboundEvent event, OrganizationEvent created) {
        return recordOrganizationCreated(event, created).invoke(applied -> {
            // the view changes only after the commit, so a check never sees what may still roll back
            view.putOrganization(created.organizationId(), created.parentId(), true);
            if (applied && created.parentId() == null) {
                view.putRole(created.organizationId(), created.ownerId(), Role.OWNER);
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    Uni<Boolean> recordOrganizationCreated(InboundEvent event, OrganizationEvent created) {
        return processed.once(ORGANIZATIONS_CONSUMER, event, () -> {
            OrganizationNode node = new OrganizationNode();
            node.id = created.organizationId();
            node.parentId = created.parentId();
            node.available = true;
            Uni<?> tree = nodes.persist(node);
            if (created.parentId() != null) {
                return tree; // a sub-organization's members come from its ancestors and invitations
            }
            return tree.chain(() -> profiles.ensureProfile(created.ownerId(), created.ownerEmail()))
                    .chain(() -> grant(created.organizationId(), created.ownerId(), Role.OWNER))
                    .chain(() -> defaultTeam(created.organizationId(), created.ownerId()));
        });
    }

    @WithSession
    public Uni<List<Membership>> members(UUID organizationId) {
        return memberships.list("organizationId = ?1 order by createdAt", organizationId);
    }

    private Uni<Membership> grant(UUID organizationId, UUID userId, Role role) {
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.organizationId = organizationId;
        m.userId = userId;
        m.role = role;
        m.createdAt = clock.now();
        return memberships.persist(m).call(saved -> outbox.publish(MembershipEvents.TOPIC, "MembershipGranted", organizationId,
                "memberships/" + saved.id, new MembershipEvents.MembershipGranted(saved.id, organizationId, userId, role.name())));
    }

    private Uni<TeamMember> defaultTeam(UUID organizationId, UUID ownerId) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.organizationId = organizationId;
        team.name = Team.DEFAULT_NAME;
        team.createdAt = clock.now();
        TeamMember member = new TeamMember();
        member.teamId = team.id;
        member.userId = ownerId;
        member.teamRole = TeamMember.TeamRole.TEAM_ADMIN;
        return teams.persist(team).chain(() -> teamMembers.persist(member));
    }
}
