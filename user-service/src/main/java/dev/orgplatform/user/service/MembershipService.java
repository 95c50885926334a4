package dev.orgplatform.user.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.user.Membership;
import dev.orgplatform.user.Role;
import dev.orgplatform.user.UserStatus;
import dev.orgplatform.user.messaging.MembershipEvents;
import dev.orgplatform.user.repository.MembershipRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Members of organizations: list, read, change a role, remove. */
@ApplicationScoped
public class MembershipService {

    /** A member as listed: the membership, the names of their teams in that organization, their user status. */
    public record Member(Membership membership, List<String> teams, UserStatus status) {
    }

    public record MemberFilter(Role role, String team, UserStatus status) {
    }

    private final MembershipRepository memberships;
    private final Outbox outbox;
    private final AccessView view;
    private final PlatformClock clock;

    public MembershipService(MembershipRepository memberships, Outbox outbox, AccessView view, PlatformClock clock) {
        this.memberships = memberships;
        this.outbox = outbox;
        this.view = view;
        this.clock = clock;
    }

    /** One page of members in the order they joined (keyset on created-at and id). */
    @WithSession
    public Uni<Page<Member>> members(UUID organizationId, MemberFilter filter, int limit, String cursor) {
        StringBuilder q = new StringBuilder("select m, p.status from Membership m, UserProfile p where p.id = m.userId "
                + "and m.organizationId = :org");
        Map<String, Object> params = new HashMap<>();
        params.put("org", organizationId);
        if (filter.role() != null) {
            q.append(" and m.role = :role");
            params.put("role", filter.role());
        }
        if (filter.status() != null) {
            q.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.team() != null) {
            UUID teamId = asUuid(filter.team());
            q.append(" and exists (select 1 from TeamMember tm, Team t where tm.teamId = t.id and t.organizationId = :org "
                    + "and tm.userId = m.userId and ").append(teamId != null ? "t.id = :team)" : "t.name = :team)");
            params.put("team", teamId != null ? teamId : filter.team());
        }
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            q.append(" and (m.createdAt > :after or (m.createdAt = :after and m.id > :afterId))");
            try {
                params.put("after", Instant.parse(keys.get(0)));
                params.put("afterId", UUID.fromString(keys.get(1)));
            } catch (RuntimeException e) {
                throw ProblemException.badField("cursor", "is not a cursor this API returned");
            }
        }
        q.append(" order by m.createdAt, m.id");
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(q.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.setMaxResults(limit + 1).getResultList();
        }).chain(rows -> teamsOf(organizationId, rows.stream().map(r -> ((Membership) r[0]).userId).toList())
                .map(teams -> rows.stream().map(r -> {
                    Membership m = (Membership) r[0];
                    return new Member(m, teams.getOrDefault(m.userId, List.of()), (UserStatus) r[1]);
                }).toList()))
                .map(rows -> Page.of(rows, limit, m -> Cursor.encode(m.membership().createdAt.toString(),
                        m.membership().id.toString())));
    }

    @WithSession
    public Uni<Member> member(UUID organizationId, UUID userId) {
        return memberOrFail(organizationId, userId);
    }

    /** The caller's memberships, each organization once (own memberships; inherited roles show in the check). */
    @WithSession
    public Uni<List<Membership>> organizationsOf(UUID userId) {
        return memberships.list("userId = ?1 order by createdAt", userId);
    }

    public Uni<Member> changeRole(UUID organizationId, UUID userId, Role callerRole, Role requested, String ifMatch) {
        // the view changes only after the commit, so a check never sees what may still roll back
        return recordRoleChange(organizationId, userId, callerRole, requested, ifMatch)
                .invoke(member -> view.putRole(organizationId, userId, member.membership().role));
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
            return setRole(m, requested).replaceWith(() -> new Member(m, member.teams(), member.status()));
        });
    }

    public Uni<Void> remove(UUID organizationId, UUID userId, Role callerRole) {
        return recordRemoval(organizationId, userId, callerRole).invoke(() -> view.removeRole(organizationId, userId));
    }

    @WithTransaction
    Uni<Void> recordRemoval(UUID organizationId, UUID userId, Role callerRole) {
        return memberOrFail(organizationId, userId).chain(member -> {
            MemberRules.mayRemove(callerRole, member.membership().role);
            return revoke(member.membership());
        });
    }

    /** Changes a role and publishes it; runs inside the caller's transaction (the view follows after commit). */
    Uni<Membership> setRole(Membership m, Role role) {
        Role previous = m.role;
        m.role = role;
        return memberships.flush().chain(() -> outbox.publish(MembershipEvents.TOPIC, "MembershipRoleChanged", m.organizationId,
                "memberships/" + m.id, new MembershipEvents.MembershipRoleChanged(m.id, m.organizationId, m.userId,
                        previous.name(), role.name())))
                .replaceWith(m);
    }

    /** Creates a membership and publishes it; runs inside the caller's transaction. */
    Uni<Membership> grant(UUID organizationId, UUID userId, Role role) {
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.organizationId = organizationId;
        m.userId = userId;
        m.role = role;
        m.createdAt = clock.now();
        return memberships.persist(m).call(saved -> outbox.publish(MembershipEvents.TOPIC, "MembershipGranted", organizationId,
                "memberships/" + saved.id, new MembershipEvents.MembershipGranted(saved.id, organizationId, userId, role.name())));
    }

    /** Deletes a membership with the member's teams and product rights there; runs inside the caller's transaction. */
    Uni<Void> revoke(Membership m) {
        return Panache.getSession()
                .chain(s -> s.createMutationQuery("delete from TeamMember tm where tm.userId = :user and tm.teamId in "
                        + "(select t.id from Team t where t.organizationId = :org)")
                        .setParameter("user", m.userId).setParameter("org", m.organizationId).executeUpdate()
                        .chain(() -> s.createMutationQuery("delete from ProductPermission g where g.userId = :user "
                                + "and g.organizationId = :org")
                                .setParameter("user", m.userId).setParameter("org", m.organizationId).executeUpdate()))
                .chain(() -> memberships.delete(m))
                .chain(() -> outbox.publish(MembershipEvents.TOPIC, "MembershipRevoked", m.organizationId, "memberships/" + m.id,
                        new MembershipEvents.MembershipRevoked(m.id, m.organizationId, m.userId, m.role.name())));
    }

    Uni<Member> memberOrFail(UUID organizationId, UUID userId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select m, p.status from Membership m, UserProfile p "
                + "where p.id = m.userId and m.organizationId = :org and m.userId = :user", Object[].class)
                .setParameter("org", organizationId).setParameter("user", userId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("member " + userId + " of organization " + organizationId))
                .chain(row -> teamsOf(organizationId, List.of(userId))
                        .map(teams -> new Member((Membership) row[0], teams.getOrDefault(userId, List.of()), (UserStatus) row[1])));
    }

    private Uni<Map<UUID, List<String>>> teamsOf(UUID organizationId, List<UUID> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select tm.userId, t.name from TeamMember tm, Team t "
                + "where t.id = tm.teamId and t.organizationId = :org and tm.userId in :users order by t.name", Object[].class)
                .setParameter("org", organizationId).setParameter("users", users).getResultList())
                .map(rows -> {
                    Map<UUID, List<String>> byUser = new HashMap<>();
                    rows.forEach(r -> byUser.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((String) r[1]));
                    return byUser;
                });
    }

    private static UUID asUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
