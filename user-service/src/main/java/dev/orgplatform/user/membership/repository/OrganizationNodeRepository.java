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

    /** Its display name, unless a later event named it already. */
    public Uni<Integer> rename(UUID id, String displayName, long version) {
        return update("displayName = ?1, nameVersion = ?2 where id = ?3 and nameVersion < ?2", displayName, version, id);
    }

    /** The display names known of {@code ids} (an organization not named yet is left out). */
    public Uni<java.util.Map<UUID, String>> displayNames(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return find("id in ?1 and displayName is not null", ids).list().map(found -> found.stream()
                .collect(java.util.stream.Collectors.toMap(n -> n.id, n -> n.displayName)));
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

    /**
     * How members may sign in to the organization and the identity providers of its SSO connections (live, deleted):
     * user-service's own facts, written with the connection or policy change they follow from.
     */
    public Uni<Integer> setSignIn(UUID id, String policy, List<String> aliases, List<String> retiredAliases) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                update organization_node set sign_in_policy = ?2, sso_aliases = ?3, retired_sso_aliases = ?4 where id = ?1""")
                .setParameter(1, id).setParameter(2, policy).setParameter(3, aliases.toArray(String[]::new))
                .setParameter(4, retiredAliases.toArray(String[]::new)).executeUpdate());
    }

    /** One organization of a path up the tree: its sign-in policy and the identity providers of its live connections. */
    public record SignInFacts(UUID id, String policy, List<String> aliases, List<String> retiredAliases) {
    }

    /** The organization and its ancestors, nearest first. */
    @SuppressWarnings("unchecked")
    public Uni<List<SignInFacts>> signInPath(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                with recursive up(id, parent_id, sign_in_policy, sso_aliases, retired_sso_aliases, depth) as (
                    select id, parent_id, sign_in_policy, sso_aliases, retired_sso_aliases, 1 from organization_node where id = ?1
                    union all
                    select n.id, n.parent_id, n.sign_in_policy, n.sso_aliases, n.retired_sso_aliases, up.depth + 1
                    from organization_node n join up on n.id = up.parent_id where up.depth < 16)
                select id, sign_in_policy, array_to_string(sso_aliases, ','), array_to_string(retired_sso_aliases, ',')
                from up order by depth""", Object[].class)
                .setParameter(1, id).getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream().map(r -> new SignInFacts((UUID) r[0], (String) r[1],
                        aliases((String) r[2]), aliases((String) r[3]))).toList());
    }

    /** Identity provider aliases are joined by commas in the query (they hold none). */
    private static List<String> aliases(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /** The organization and its ancestors (16 levels at most: a cycle in stale facts must not loop). */
    private static final String UP = """
            with up as (
                select n.id as id, n.parentId as parentId, n.enforce2fa as enforce2fa, 1 as depth
                from OrganizationNode n where n.id = ?1
                union all
                select n.id as id, n.parentId as parentId, n.enforce2fa as enforce2fa, u.depth + 1 as depth
                from up u join OrganizationNode n on n.id = u.parentId where u.depth < 16)
            """;

    /** Whether 2FA holds in the organization: its own setting or an ancestor's. */
    public Uni<Boolean> enforces2fa(UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(UP + "select count(*) from up u where u.enforce2fa = true", Long.class)
                .setParameter(1, id).getSingleResult()).map(enforcing -> enforcing > 0);
    }

    /** The top of the organization's tree (itself for a root); null if user-service does not know it. */
    public Uni<UUID> rootOf(UUID id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(UP + "select u.id from up u where u.parentId is null", UUID.class)
                .setParameter(1, id).getResultList())
                .map(roots -> roots.isEmpty() ? null : roots.get(0));
    }
}
