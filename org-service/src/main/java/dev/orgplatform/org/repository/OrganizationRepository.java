package dev.orgplatform.org.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.Region;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Uni<Boolean> nameTaken(String name) {
        return count("name", name).map(n -> n > 0);
    }

    /** The organization and everything beneath it (any state), in no particular order. */
    public Uni<List<Organization>> subtree(UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                with sub as (
                    select o.id as id from Organization o where o.id = :id
                    union all
                    select c.id as id from sub s join Organization c on c.parentId = s.id)
                select o from sub s join Organization o on o.id = s.id""", Organization.class).setParameter("id", id).getResultList());
    }

    /** The organization's ancestors, nearest first (at most three: the tree is four levels deep). */
    public Uni<List<Organization>> ancestors(UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                with up as (
                    select o.parentId as id from Organization o where o.id = :id
                    union all
                    select p.parentId as id from up u join Organization p on p.id = u.id)
                select o from up u join Organization o on o.id = u.id order by o.depth desc""", Organization.class)
                .setParameter("id", id).getResultList());
    }

    /**
     * Locks the root row of {@code member}'s tree (a tree's root never changes) and re-reads {@code member}:
     * another change of the tree may have committed since it was read. Call inside a transaction.
     */
    public Uni<Organization> lockTreeOf(Organization member) {
        return findById(member.rootId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> Panache.getSession()).chain(s -> s.refresh(member)).replaceWith(member);
    }

    public Uni<Long> countChildren(UUID parentId) {
        return count("parentId", parentId);
    }

    /** Available children by name after {@code afterName}, {@code limit} of them at most. */
    /** Available children by name after {@code afterName}, of {@code type} (null: any). */
    public Uni<List<Organization>> children(UUID parentId, String type, String afterName, int limit) {
        String after = afterName == null ? "" : afterName;
        return (type == null
                ? find("parentId = ?1 and state = ?2 and name > ?3", Sort.by("name"), parentId, OrganizationState.ACTIVE, after)
                : find("parentId = ?1 and state = ?2 and name > ?3 and type = ?4", Sort.by("name"), parentId, OrganizationState.ACTIVE,
                        after, type)).range(0, limit - 1).list();
    }

    /** One chunk of search candidates by name after {@code afterName}; visibility is decided by the caller. */
    public Uni<List<Organization>> searchChunk(SearchFilter filter, String afterName, int limit) {
        StringBuilder q = new StringBuilder("state = :state and name > :after");
        Map<String, Object> p = new HashMap<>();
        p.put("state", filter.state());
        p.put("after", afterName == null ? "" : afterName);
        if (filter.name() != null) {
            q.append(" and name like :name escape '\\'");
            p.put("name", likeEscaped(filter.name()) + "%");
        }
        if (filter.displayName() != null) {
            q.append(" and lower(displayName) like :displayName escape '\\'");
            p.put("displayName", "%" + likeEscaped(filter.displayName().toLowerCase()) + "%");
        }
        if (filter.region() != null) {
            q.append(" and region = :region");
            p.put("region", filter.region());
        }
        if (filter.parentId() != null) {
            q.append(" and parentId = :parentId");
            p.put("parentId", filter.parentId());
        }
        if (filter.type() != null) {
            q.append(" and type = :type");
            p.put("type", filter.type());
        }
        return find(q.toString(), Sort.by("name"), p).range(0, limit - 1).list();
    }

    public Uni<List<Organization>> dueForPurge(Instant now, int limit) {
        return find("state = ?1 and purgeAfter <= ?2", Sort.by("purgeAfter"), OrganizationState.PENDING_DELETION, now)
                .range(0, limit - 1).list();
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Search filters; null = any. {@code name} matches a prefix, {@code displayName} a part, ignoring case. */
    public record SearchFilter(String name, String displayName, Region region, OrganizationState state, UUID parentId, String type) {
    }
}
