package dev.orgplatform.user.membership.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.persistence.DeleteAsRead;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.TreeMembership;
import dev.orgplatform.user.membership.UserStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID> {

    /** The organization ?1's ancestors with itself ({@code up}) and its descendants ({@code down}), 16 levels at most. */
    private static final String AROUND = """
            with recursive up(id, parent_id, depth) as (
                select id, parent_id, 1 from organization_node where id = ?1
                union all
                select n.id, n.parent_id, up.depth + 1 from organization_node n join up on n.id = up.parent_id
                where up.depth < 16),
            down(id, depth) as (
                select id, 1 from organization_node where parent_id = ?1
                union all
                select n.id, down.depth + 1 from organization_node n join down on n.parent_id = down.id where down.depth < 16)
            """;

    /** A membership with its user's status, name and email. */
    public record WithUser(Membership membership, UserStatus status, String name, String email) {

        static WithUser of(Object[] row) {
            return new WithUser((Membership) row[0], (UserStatus) row[1], (String) row[2], (String) row[3]);
        }
    }

    /** Deletes the membership as read (its version), by query ({@link DeleteAsRead}). */
    public Uni<Void> deleteAsRead(Membership m) {
        return DeleteAsRead.delete(this, "membership", m.id, m.version);
    }

    /**
     * Serializes admissions of one person to one organization until the transaction ends (replicas race to admit). Run
     * for its row count, as the outbox's lock is: Hibernate Reactive never finds a native select in its plan cache.
     */
    public Uni<Void> lockAdmission(UUID organizationId, UUID userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, organizationId + "/" + userId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Membership> membershipOf(UUID organizationId, UUID userId) {
        return find("organizationId = ?1 and userId = ?2", organizationId, userId).firstResult();
    }

    public Uni<Boolean> isMember(UUID organizationId, UUID userId) {
        return count("organizationId = ?1 and userId = ?2", organizationId, userId).map(n -> n > 0);
    }

    /** A user's own memberships, in the order they joined. */
    public Uni<List<Membership>> ofUser(UUID userId) {
        return list("userId = ?1 order by createdAt", userId);
    }

    /** The membership with its user, or null when the user is no member there. */
    public Uni<WithUser> withUser(UUID organizationId, UUID userId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select m, p.status, p.name, p.email from Membership m, UserProfile p "
                + "where p.id = m.userId and m.organizationId = :org and m.userId = :user", Object[].class)
                .setParameter("org", organizationId).setParameter("user", userId).getSingleResultOrNull())
                .map(row -> row == null ? null : WithUser.of(row));
    }

    /**
     * Up to {@code rows} members of an organization in joining order (created-at, then id) after {@code after},
     * filtered by role, user status and team (by id or by name); null filters nothing.
     */
    public Uni<List<WithUser>> page(UUID organizationId, Role role, UserStatus status, UUID teamId, String teamName,
            Cursor.TimeAndId after, int rows) {
        StringBuilder q = new StringBuilder("select m, p.status, p.name, p.email from Membership m, UserProfile p where p.id = m.userId "
                + "and m.organizationId = :org");
        Map<String, Object> params = new HashMap<>();
        params.put("org", organizationId);
        if (role != null) {
            q.append(" and m.role = :role");
            params.put("role", role);
        }
        if (status != null) {
            q.append(" and p.status = :status");
            params.put("status", status);
        }
        if (teamId != null || teamName != null) {
            q.append(" and exists (select 1 from TeamMember tm, Team t where tm.teamId = t.id and t.organizationId = :org "
                    + "and tm.userId = m.userId and ").append(teamId != null ? "t.id = :team)" : "t.name = :team)");
            params.put("team", teamId != null ? teamId : teamName);
        }
        if (after != null) {
            q.append(" and (m.createdAt > :after or (m.createdAt = :after and m.id > :afterId))");
            params.put("after", after.at());
            params.put("afterId", after.id());
        }
        q.append(" order by m.createdAt, m.id");
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(q.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.setMaxResults(rows).getResultList();
        }).map(found -> found.stream().map(WithUser::of).toList());
    }

    /** Everyone with a role in the organization: its own members and those of its ancestors and descendants. */
    public Uni<List<UUID>> usersConcernedBy(UUID organizationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(AROUND + """
                select distinct m.user_id from membership m
                where m.organization_id = ?1 or m.organization_id in (select id from up union select id from down)""", UUID.class)
                .setParameter(1, organizationId).getResultList());
    }

    /** The user's memberships in the organization, its ancestors and its descendants. */
    public Uni<List<TreeMembership>> inTreeOf(UUID organizationId, UUID userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(AROUND + """
                select m.organization_id, m.role,
                       case when m.organization_id = ?1 then 'HERE'
                            when m.organization_id in (select id from down) then 'DESCENDANT' else 'ANCESTOR' end
                from membership m
                where m.user_id = ?2 and (m.organization_id in (select id from up) or m.organization_id in (select id from down))""",
                Object[].class).setParameter(1, organizationId).setParameter(2, userId).getResultList())
                .map(rows -> rows.stream().map(r -> new TreeMembership((UUID) r[0], Role.valueOf((String) r[1]),
                        TreeMembership.Place.valueOf((String) r[2]))).toList());
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }

    /**
     * The sub-organizations at or below ?1 (available ones; a root is not one) without an Admin of their own: no member
     * with the ADMIN role who is suspended neither there nor as a user. The shallowest first.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<UUID>> subOrganizationsWithoutAdmin(UUID organizationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                with recursive down(id, depth) as (
                    select id, 0 from organization_node where id = ?1
                    union all
                    select n.id, down.depth + 1 from organization_node n join down on n.parent_id = down.id where down.depth < 16)
                select d.id from down d join organization_node n on n.id = d.id
                where n.parent_id is not null and n.available and not exists (
                    select 1 from membership m left join user_profile p on p.id = m.user_id
                    where m.organization_id = d.id and m.role = 'ADMIN' and coalesce(p.status, 'ACTIVE') <> 'SUSPENDED'
                    and not exists (select 1 from member_suspension x where x.organization_id = m.organization_id and x.user_id = m.user_id))
                order by d.depth, d.id""", UUID.class)
                .setParameter(1, organizationId).getResultList());
    }

    /** Whether the member was suspended in the organization itself (not above it). */
    public Uni<Boolean> suspendedIn(UUID organizationId, UUID userId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select count(*) from MemberSuspension where organizationId = ?1 and userId = ?2", Long.class)
                .setParameter(1, organizationId).setParameter(2, userId).getSingleResult()).map(suspensions -> suspensions > 0);
    }
}
