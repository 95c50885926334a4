package dev.orgplatform.user.service;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.user.Role;

/**
 * The in-memory picture the authorization check answers from, so a check costs no database round trip:
 * the organization tree (availability, own 2FA setting), every membership, product grants and the suspended
 * users. Rebuilt from the database at start ({@link AccessViewLoader}), updated after every local commit and by
 * every instance from the memberships and organizations topics ({@code AccessViewFollower}). Every update is an
 * idempotent "set", so applying a change twice (locally and from Kafka) is harmless.
 */
@ApplicationScoped
public class AccessView {

    private record Node(UUID parentId, boolean available, boolean enforce2fa) {
    }

    private final Map<UUID, Node> organizations = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Role>> roles = new ConcurrentHashMap<>();
    /** organization -> user -> product -> permissions */
    private final Map<UUID, Map<UUID, Map<String, Set<String>>>> productGrants = new ConcurrentHashMap<>();
    private final Set<UUID> suspended = ConcurrentHashMap.newKeySet();
    /** When each membership, suspension or product grant last changed here: older news from Kafka must not undo it. */
    private final Map<String, java.time.Instant> changedAt = new ConcurrentHashMap<>();

    /**
     * Applies a change learned from Kafka unless this instance changed the same thing later: the echo of its own
     * change, or an event older than it (e.g. a role change arriving after this instance removed the member).
     */
    public void follow(String key, java.time.Instant eventTime, Runnable change) {
        java.time.Instant local = changedAt.get(key);
        if (eventTime != null && local != null && eventTime.isBefore(local)) {
            return;
        }
        change.run();
        if (eventTime != null) {
            changedAt.put(key, eventTime);
        }
    }

    /** After the load from the database: what Kafka replays from before the load then applies in its order. */
    public void forgetChangeTimes() {
        changedAt.clear();
    }

    public static String memberKey(UUID organizationId, UUID userId) {
        return organizationId + "/" + userId;
    }

    public static String userKey(UUID userId) {
        return "user/" + userId;
    }

    public static String productKey(UUID organizationId, UUID userId, String productId) {
        return organizationId + "/" + userId + "/" + productId;
    }

    public void putOrganization(UUID id, UUID parentId, boolean available) {
        organizations.compute(id, (k, old) -> new Node(parentId, available, old != null && old.enforce2fa()));
    }

    public void moveOrganization(UUID id, UUID newParentId) {
        organizations.computeIfPresent(id, (k, old) -> new Node(newParentId, old.available(), old.enforce2fa()));
    }

    public void setAvailable(UUID id, boolean available) {
        organizations.computeIfPresent(id, (k, old) -> new Node(old.parentId(), available, old.enforce2fa()));
    }

    public void setEnforce2fa(UUID id, boolean enforce) {
        organizations.computeIfPresent(id, (k, old) -> new Node(old.parentId(), old.available(), enforce));
    }

    /** A purged organization: nothing of it remains. */
    public void removeOrganization(UUID id) {
        organizations.remove(id);
        roles.remove(id);
        productGrants.remove(id);
    }

    public void putRole(UUID organizationId, UUID userId, Role role) {
        roles.computeIfAbsent(organizationId, k -> new ConcurrentHashMap<>()).put(userId, role);
        changedAt.put(memberKey(organizationId, userId), java.time.Instant.now());
    }

    public void removeRole(UUID organizationId, UUID userId) {
        changedAt.put(memberKey(organizationId, userId), java.time.Instant.now());
        Map<UUID, Role> members = roles.get(organizationId);
        if (members != null) {
            members.remove(userId);
        }
        Map<UUID, Map<String, Set<String>>> grants = productGrants.get(organizationId);
        if (grants != null) {
            grants.remove(userId);
        }
    }

    /** Replaces a member's rights on one product (empty = none). */
    public void setProductPermissions(UUID organizationId, UUID userId, String productId, Set<String> permissions) {
        changedAt.put(productKey(organizationId, userId, productId), java.time.Instant.now());
        Map<String, Set<String>> products = productGrants.computeIfAbsent(organizationId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(userId, k -> new ConcurrentHashMap<>());
        if (permissions.isEmpty()) {
            products.remove(productId);
        } else {
            products.put(productId, Set.copyOf(permissions));
        }
    }

    public void setSuspended(UUID userId, boolean isSuspended) {
        changedAt.put(userKey(userId), java.time.Instant.now());
        if (isSuspended) {
            suspended.add(userId);
        } else {
            suspended.remove(userId);
        }
    }

    public AccessDecision decide(AccessQuery q) {
        if (suspended.contains(q.userId())) {
            return AccessDecision.deny("user is suspended");
        }
        Role role = null;
        UUID grantedAt = null;
        boolean enforce2fa = false;
        boolean productGrant = false;
        // the nearest membership up the tree wins; any unavailable ancestor makes the whole branch unavailable;
        // 2FA holds when the organization or any ancestor enforces it
        int depth = 0;
        for (UUID at = q.organizationId(); at != null; at = organizations.get(at).parentId()) {
            Node node = organizations.get(at);
            if (node == null || !node.available() || ++depth > 16) {
                return AccessDecision.deny("organization does not exist or is unavailable");
            }
            enforce2fa |= node.enforce2fa();
            if (role == null) {
                Role here = roleIn(at, q.userId());
                if (here != null) {
                    role = here;
                    grantedAt = at;
                }
            }
            productGrant |= q.productId() != null && productAllows(at, q.userId(), q.productId(), q.permission());
        }
        if (role == null) {
            return AccessDecision.deny("not a member");
        }
        String via = grantedAt.equals(q.organizationId()) ? "" : " inherited from " + grantedAt;
        if (enforce2fa && !Boolean.TRUE.equals(q.secondFactor())) {
            return AccessDecision.deny("the organization enforces two-factor authentication: sign in with a second factor",
                    role.name());
        }
        if (RolePermissions.allows(role, q.permission())) {
            return AccessDecision.allow("role " + role + via, role.name());
        }
        if (productGrant) {
            return AccessDecision.allow("product permission " + q.permission() + " on " + q.productId(), role.name());
        }
        return AccessDecision.deny("role " + role + via + " lacks " + q.permission(), role.name());
    }

    public Role roleIn(UUID organizationId, UUID userId) {
        Map<UUID, Role> members = roles.get(organizationId);
        return members == null ? null : members.get(userId);
    }

    /** Whether 2FA holds in the organization (its own setting or an ancestor's). */
    public boolean enforces2fa(UUID organizationId) {
        int depth = 0;
        for (UUID at = organizationId; at != null && depth++ < 16; ) {
            Node node = organizations.get(at);
            if (node == null) {
                return false;
            }
            if (node.enforce2fa()) {
                return true;
            }
            at = node.parentId();
        }
        return false;
    }

    /** Everyone with a role in the organization: its own members and those of its ancestors and descendants. */
    public Set<UUID> usersConcernedBy(UUID organizationId) {
        Set<UUID> users = new HashSet<>();
        int depth = 0;
        for (UUID at = organizationId; at != null && depth++ < 16; ) {
            users.addAll(roles.getOrDefault(at, Map.of()).keySet());
            Node node = organizations.get(at);
            at = node == null ? null : node.parentId();
        }
        for (Map.Entry<UUID, Node> e : organizations.entrySet()) {
            if (isBelow(e.getKey(), organizationId)) {
                users.addAll(roles.getOrDefault(e.getKey(), Map.of()).keySet());
            }
        }
        return users;
    }

    private boolean isBelow(UUID id, UUID ancestor) {
        Node node = organizations.get(id);
        for (int depth = 0; node != null && node.parentId() != null && depth < 16; depth++) {
            if (node.parentId().equals(ancestor)) {
                return true;
            }
            node = organizations.get(node.parentId());
        }
        return false;
    }

    private boolean productAllows(UUID organizationId, UUID userId, String productId, String permission) {
        Map<UUID, Map<String, Set<String>>> users = productGrants.get(organizationId);
        Map<String, Set<String>> products = users == null ? null : users.get(userId);
        Set<String> granted = products == null ? null : products.get(productId);
        return granted != null && granted.contains(permission);
    }
}
