package dev.orgplatform.user.apikey.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.apikey.ApiKeyPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyPolicyRepository implements PanacheRepositoryBase<ApiKeyPolicy, UUID> {

    /** The lifetime caps set on the way from the organization up to its root (which wins is StrictestSecurity's rule). */
    public Uni<List<Integer>> capsUpTheTree(UUID organizationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                with recursive up(id, parent_id) as (
                    select id, parent_id from organization_node where id = ?1
                    union all
                    select n.id, n.parent_id from organization_node n join up on n.id = up.parent_id)
                select p.max_lifetime_days from up join api_key_policy p on p.organization_id = up.id
                where p.max_lifetime_days is not null""", Integer.class)
                .setParameter(1, organizationId).getResultList());
    }

    /** Sets the organization's own cap unless an event newer than {@code version} set it already. */
    public Uni<Integer> setCap(UUID organizationId, Integer maxLifetimeDays, long version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into api_key_policy (organization_id, max_lifetime_days, version) values (?1, ?2, ?3)
                on conflict (organization_id) do update set max_lifetime_days = excluded.max_lifetime_days,
                    version = excluded.version
                where api_key_policy.version < excluded.version""")
                .setParameter(1, organizationId).setParameter(2, maxLifetimeDays).setParameter(3, version).executeUpdate());
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
