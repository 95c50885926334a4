package dev.orgplatform.user.membership.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.user.membership.Team;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.TeamMemberRepository;
import dev.orgplatform.user.membership.repository.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Teams inside an organization. Every member stays in at least one team of each organization they belong to. */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final TeamMemberRepository teamMembers;
    private final MembershipRepository memberships;
    private final Outbox outbox;
    private final PlatformClock clock;

    public TeamService(TeamRepository teams, TeamMemberRepository teamMembers, MembershipRepository memberships, Outbox outbox,
            PlatformClock clock) {
        this.teams = teams;
        this.teamMembers = teamMembers;
        this.memberships = memberships;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Team>> teams(UUID organizationId) {
        return teams.ofOrganization(organizationId);
    }

    @WithSession
    public Uni<Team> team(UUID organizationId, UUID teamId) {
        return teamOrFail(organizationId, teamId);
    }

    @WithSession
    public Uni<List<TeamMember>> members(UUID organizationId, UUID teamId) {
        return teamOrFail(organizationId, teamId).chain(t -> teamMembers.ofTeam(t.id));
    }

    @WithSession
    public Uni<TeamMember.TeamRole> teamRoleOf(UUID teamId, UUID userId) {
        return teamMembers.findById(new TeamMember.Key(teamId, userId)).map(m -> m == null ? null : m.teamRole);
    }

    @WithTransaction
    public Uni<Team> create(UUID organizationId, String name) {
        return create(organizationId, name, true);
    }

    @WithTransaction
    public Uni<Team> rename(UUID organizationId, UUID teamId, String name, String ifMatch) {
        return teamOrFail(organizationId, teamId).chain(t -> {
            Versions.requireMatch(ifMatch, t.version);
            if (t.name.equals(name)) {
                return Uni.createFrom().item(t);
            }
            return requireFreeName(organizationId, name).chain(() -> {
                t.name = name;
                return teams.flush().chain(() -> publish(EventTypes.TEAM_RENAMED, t, null, null)).replaceWith(t);
            });
        });
    }

    /** Refused while the team is the only one of any of its members. */
    @WithTransaction
    public Uni<Void> delete(UUID organizationId, UUID teamId) {
        return teamOrFail(organizationId, teamId)
                .call(t -> teamMembers.countWithNoOtherTeam(t.id, organizationId).invoke(lastTeamOf -> {
                    if (lastTeamOf > 0) {
                        throw ProblemException.conflict("the team is the only team of " + lastTeamOf
                                + " member(s); move them to another team first");
                    }
                }))
                .call(t -> teamMembers.deleteOfTeam(t.id))
                .call(t -> teams.deleteAsRead(t))
                .call(t -> publish(EventTypes.TEAM_DELETED, t, null, null)).replaceWithVoid();
    }

    @WithTransaction
    public Uni<TeamMember> addMember(UUID organizationId, UUID teamId, UUID userId, TeamMember.TeamRole role) {
        return teamOrFail(organizationId, teamId)
                .call(t -> memberships.isMember(organizationId, userId).invoke(member -> {
                    if (!member) {
                        throw ProblemException.badField("userId", "is not a member of this organization");
                    }
                }))
                .chain(t -> join(t, userId, role));
    }

    /** Refused when it is the member's last team in the organization. */
    @WithTransaction
    public Uni<Void> removeMember(UUID organizationId, UUID teamId, UUID userId) {
        return teamOrFail(organizationId, teamId)
                .chain(t -> teamMembers.findById(new TeamMember.Key(t.id, userId))
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("member " + userId + " of team " + teamId))
                        .call(() -> teamMembers.countTeamsOf(userId, organizationId).invoke(n -> {
                            if (n <= 1) {
                                throw ProblemException.conflict("this is the member's only team; every member stays in "
                                        + "at least one team: add them to another team first");
                            }
                        }))
                        .call(tm -> teamMembers.remove(tm))
                        .call(tm -> publish(EventTypes.TEAM_MEMBER_REMOVED, t, userId, tm.teamRole.name())))
                .replaceWithVoid();
    }

    /** Adds or re-roles a member of a team; runs inside the caller's transaction. */
    Uni<TeamMember> join(Team team, UUID userId, TeamMember.TeamRole role) {
        return teamMembers.findById(new TeamMember.Key(team.id, userId)).chain(existing -> {
            if (existing != null) {
                if (existing.teamRole == role) {
                    return Uni.createFrom().item(existing);
                }
                existing.teamRole = role;
                return publish(EventTypes.TEAM_MEMBER_ADDED, team, userId, role.name()).replaceWith(existing);
            }
            TeamMember member = new TeamMember();
            member.teamId = team.id;
            member.userId = userId;
            member.teamRole = role;
            return teamMembers.persist(member).call(() -> publish(EventTypes.TEAM_MEMBER_ADDED, team, userId, role.name()));
        });
    }

    /** "My Team" of an organization, made if missing; runs inside the caller's transaction. */
    Uni<Team> defaultTeam(UUID organizationId) {
        return teams.named(organizationId, Team.DEFAULT_NAME)
                .chain(t -> t != null ? Uni.createFrom().item(t) : create(organizationId, Team.DEFAULT_NAME, false));
    }

    /** The team of that name, or "My Team" when there is none; runs inside the caller's transaction. */
    Uni<Team> namedOrDefault(UUID organizationId, String name) {
        return teams.named(organizationId, name).chain(t -> t != null ? Uni.createFrom().item(t) : defaultTeam(organizationId));
    }

    private Uni<Team> create(UUID organizationId, String name, boolean checkName) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.organizationId = organizationId;
        team.name = name;
        team.createdAt = clock.now();
        Uni<Void> free = checkName ? requireFreeName(organizationId, name) : Uni.createFrom().voidItem();
        return free.chain(() -> teams.persist(team)).call(t -> publish(EventTypes.TEAM_CREATED, t, null, null));
    }

    private Uni<Void> requireFreeName(UUID organizationId, String name) {
        return teams.named(organizationId, name).invoke(taken -> {
            if (taken != null) {
                throw new ProblemException(409, "Conflict", "a team named \"" + name + "\" exists in this organization",
                        List.of(new FieldError("name", "is taken")), null);
            }
        }).replaceWithVoid();
    }

    private Uni<Team> teamOrFail(UUID organizationId, UUID teamId) {
        return teams.inOrganization(organizationId, teamId).onItem().ifNull().failWith(() -> ProblemException.notFound("team " + teamId));
    }

    private Uni<Void> publish(String type, Team t, UUID userId, String teamRole) {
        return outbox.publish(MembershipEvents.TOPIC, type, t.organizationId, "teams/" + t.id,
                new MembershipEvents.TeamEvent(t.id, t.organizationId, t.name, userId, teamRole));
    }
}
