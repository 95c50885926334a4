package dev.orgplatform.user.membership.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.membership.MemberRules;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.UserStatus;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Members of organizations: list, read, change a role, remove. */
@ApplicationScoped
public class MembershipService {

    /** A member as listed: the membership, the names of their teams in that organization, their user status, name and email. */
    public record Member(Membership membership, List<String> teams, UserStatus status, String name, String email) {

        static Member of(MembershipRepository.WithUser row, List<String> teams) {
            return new Member(row.membership(), teams, row.status(), row.name(), row.email());
        }
    }

    /** What a member list is filtered by; null filters nothing. {@code team} is a team's id or name. */
    public record MemberFilter(Role role, String team, UserStatus status) {
    }

    private final MembershipRepository memberships;
    private final TeamRepository teams;
    private final MemberDeparture departure;
    private final Outbox outbox;
    private final AccessChangeFeed feed;

    public MembershipService(MembershipRepository memberships, TeamRepository teams, MemberDeparture departure, Outbox outbox,
            AccessChangeFeed feed) {
        this.memberships = memberships;
        this.teams = teams;
        this.departure = departure;
        this.outbox = outbox;
        this.feed = feed;
    }

    /** One page of members in the order they joined (keyset on created-at and id). */
    @WithSession
    public Uni<Page<Member>> members(UUID organizationId, MemberFilter filter, int limit, String cursor) {
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(cursor);
        UUID teamId = teamId(filter.team());
        String teamName = teamId == null ? filter.team() : null;
        return memberships.page(organizationId, filter.role(), filter.status(), teamId, teamName, after, limit + 1)
                .chain(rows -> teams.teamNamesOf(organizationId, rows.stream().map(r -> r.membership().userId).toList())
                        .map(names -> rows.stream().map(r -> Member.of(r, names.getOrDefault(r.membership().userId, List.of()))).toList()))
                .map(rows -> Page.of(rows, limit, m -> Cursor.encode(m.membership().createdAt, m.membership().id)));
    }

    /** The sub-organizations at or below {@code organizationId} that have no Admin of their own, the shallowest first. */
    @WithSession
    public Uni<List<UUID>> subOrganizationsWithoutAdmin(UUID organizationId) {
        return memberships.subOrganizationsWithoutAdmin(organizationId);
    }

    @WithSession
    public Uni<Member> member(UUID organizationId, UUID userId) {
        return memberOrFail(organizationId, userId);
    }

    /** A user's own memberships in joining order (inherited roles show in the check). */
    @WithSession
    public Uni<List<Membership>> organizationsOf(UUID userId) {
        return memberships.ofUser(userId);
    }

    public Uni<Member> changeRole(UUID organizationId, UUID userId, Role callerRole, Role requested, String ifMatch) {
        // answered once this replica's view shows the committed change: the caller's next request sees it
        return recordRoleChange(organizationId, userId, callerRole, requested, ifMatch).call(feed::awaitApplied);
    }

    @WithTransaction
    Uni<Member> recordRoleChange(UUID organizationId, UUID userId, Role callerRole, Role requested, String ifMatch) {
        return memberOrFail(organizationId, userId).chain(member -> {
            Membership m = member.membership();
            Versions.requireMatch(ifMatch, m.version);
            MemberRules.mayChangeRole(callerRole, m.role, requested);
            if (m.role == requested) {
                return Uni.createFrom().item(member);
            }
            return setRole(m, requested).replaceWith(() -> new Member(m, member.teams(), member.status(), member.name(), member.email()));
        });
    }

    public Uni<Void> remove(UUID organizationId, UUID userId, Role callerRole) {
        return recordRemoval(organizationId, userId, callerRole).call(feed::awaitApplied);
    }

    @WithTransaction
    Uni<Void> recordRemoval(UUID organizationId, UUID userId, Role callerRole) {
        return memberOrFail(organizationId, userId).chain(member -> {
            MemberRules.mayRemove(callerRole, member.membership().role);
            return revoke(member.membership());
        });
    }

    /** Changes a role and publishes it; runs inside the caller's transaction (the view follows from the change feed). */
    Uni<Membership> setRole(Membership m, Role role) {
        Role previous = m.role;
        m.role = role;
        return memberships.flush().chain(() -> outbox.publish(MembershipEvents.TOPIC, EventTypes.MEMBERSHIP_ROLE_CHANGED, m.organizationId,
                "memberships/" + m.id, new MembershipEvents.MembershipRoleChanged(m.id, m.organizationId, m.userId,
                        previous.name(), role.name())))
                .replaceWith(m);
    }

    /** Deletes a membership ({@link MemberDeparture}) and tells it; runs inside the caller's transaction. */
    private Uni<Void> revoke(Membership m) {
        return departure.leave(m, () -> outbox.publish(MembershipEvents.TOPIC, EventTypes.MEMBERSHIP_REVOKED, m.organizationId,
                "memberships/" + m.id, new MembershipEvents.MembershipRevoked(m.id, m.organizationId, m.userId, m.role.name())));
    }

    private Uni<Member> memberOrFail(UUID organizationId, UUID userId) {
        return memberships.withUser(organizationId, userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("member " + userId + " of organization " + organizationId))
                .chain(row -> teams.teamNamesOf(organizationId, List.of(userId))
                        .map(names -> Member.of(row, names.getOrDefault(userId, List.of()))));
    }

    /** The team filter names a team by id or by name. */
    private static UUID teamId(String team) {
        if (team == null) {
            return null;
        }
        try {
            return UUID.fromString(team);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
