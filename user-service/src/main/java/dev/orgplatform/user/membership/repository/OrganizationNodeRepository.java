package dev.orgplatform.user.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.OrganizationNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * user-service's copy of the organization tree. Each fact (parent, availability, 2FA setting) is set only by an
 * event with a higher sequence than the one that set it last ({@code version}): whatever order events arrive in,
 * redelivered or re-driven, the newest wins.
 */
@ApplicationScoped
public class OrganizationNodeRepository implements PanacheRepositoryBase<OrganizationNode, UUID> {

    /** A new node, available, unless it exists: emits whether it was made. */
    public Uni<Boolean> create(UUID id, UUID parentId, long version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into organization_node (id, parent_id, available, enforce_2fa, parent_version, availability_version,
                    security_version)
                values (?1, ?2, true, false, ?3, ?3, 0) on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, parentId).setParameter(3, version).executeUpdate())
                .map(n -> n > 0);
    }

    public Uni<Integer> move(UUID id, UUID parentId, long version) {
        return update("parentId = ?1, parentVersion = ?2 where id = ?3 and parentVersion < ?2", parentId, version, id);
    }

    public Uni<Integer> setAvailable(UUID id, boolean available, long version) {
        return update("available = ?1, availabilityVersion = ?2 where id = ?3 and availabilityVersion < ?2", available, version, id);
    }

    /** The organization's own security settings (2FA, IP allowlist, session cap), unless a newer event set them. */
    public Uni<Integer> setSecurity(UUID id, boolean enforce2fa, List<String> ipAllowlist, Integer maxSessionMinutes, long version) {
        return update("enforce2fa = ?1, ipAllowlist = ?2, maxSessionMinutes = ?3, securityVersion = ?4 where id = ?5 and securityVersion < ?4",
                enforce2fa, ipAllowlist.toArray(String[]::new), maxSessionMinutes, version, id);
    }

    /** Whether 2FA holds in the organization: its own setting or an ancestor's. */
    public Uni<Boolean> enforces2fa(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                with recursive up(id, parent_id, enforce_2fa, depth) as (
                    select id, parent_id, enforce_2fa, 1 from organization_node where id = ?1
                    union all
                    select n.id, n.parent_id, n.enforce_2fa, up.depth + 1 from organization_node n join up on n.id = up.parent_id
                    where up.depth < 16)
                select coalesce(bool_or(enforce_2fa), false) from up""", Boolean.class)
                .setParameter(1, id).getSingleResult());
    }
}
