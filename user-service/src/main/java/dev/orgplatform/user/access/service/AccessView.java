package dev.orgplatform.user.access.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.RolePermissions;
import dev.orgplatform.user.access.StrictestSecurity;

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

    /** Guards the walks up the tree against a cycle from out-of-order events (the tree is far shallower). */
    private static final int MAX_DEPTH = 16;
    private static final String UNAVAILABLE = "organization does not exist or is unavailable";

    private final Map<UUID, Node> organizations = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Role>> roles = new ConcurrentHashMap<>();
    /** organization -> user -> product -> permissions */
    private final Map<UUID, Map<UUID, Map<String, Set<String>>>> productGrants = new ConcurrentHashMap<>();
    private final Set<UUID> suspended = ConcurrentHashMap.newKeySet();
    /** When each membership, suspension or product grant last changed here: older news from Kafka must not undo it. */
    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();

    /**
     * Applies a change learned from Kafka unless this instance changed the same thing later: the echo of its own
     * change, or an event older than it (e.g. a role change arriving after this instance removed the member).
     */
    public void follow(String key, Instant eventTime, Runnable change) {
        Instant local = changedAt.get(key);
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
        changedAt.put(memberKey(organizationId, userId), Instant.now());
    }

    public void removeRole(UUID organizationId, UUID userId) {
        changedAt.put(memberKey(organizationId, userId), Instant.now());
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
        changedAt.put(productKey(organizationId, userId, productId), Instant.now());
        Map<String, Set<String>> products = productGrants.computeIfAbsent(organizationId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(userId, k -> new ConcurrentHashMap<>());
        if (permissions.isEmpty()) {
            products.remove(productId);
        } else {
            products.put(productId, Set.copyOf(permissions));
        }
    }

    public void setSuspended(UUID userId, boolean isSuspended) {
        changedAt.put(userKey(userId), Instant.now());
        if (isSuspended) {
            suspended.add(userId);
        } else {
            suspended.remove(userId);
        }
    }

    /**
     * The answer for the user alone (API-key narrowing is {@code AccessPolicy.check}'s): the nearest membership up
     * the tree wins; any unavailable ancestor makes the whole branch unavailable; the strictest security settings
     * along the way hold. A denial names the user's role there when they have one, so only members learn that the
     * organization exists; an unknown or unavailable organization gives nobody a role.
     */
    public AccessDecision decide(AccessQuery q) {
        Role role = null;
        UUID grantedAt = null;
        StrictestSecurity security = StrictestSecurity.NONE;
        boolean productGrant = false;
        int depth = 0;
        for (UUID at = q.organizationId(); at != null; ) {
            Node node = organizations.get(at);
            if (node == null || !node.available() || ++depth > MAX_DEPTH) {
                return AccessDecision.deny(UNAVAILABLE);
            }
            security = security.and(node.enforce2fa(), null);
            if (role == null) {
                role = roleIn(at, q.userId());
                grantedAt = role == null ? null : at;
            }
            productGrant |= q.productId() != null && productAllows(at, q.userId(), q.productId(), q.permission());
            at = node.parentId();
        }
        String roleName = role == null ? null : role.name();
        if (suspended.contains(q.userId())) {
            return AccessDecision.deny("user is suspended", roleName);
        }
        if (role == null) {
            return AccessDecision.deny("not a member");
        }
        String via = grantedAt.equals(q.organizationId()) ? "" : " inherited from " + grantedAt;
        if (security.enforce2fa() && !Boolean.TRUE.equals(q.secondFactor())) {
            return AccessDecision.deny("the organization enforces two-factor authentication: sign in with a second factor",
                    roleName);
        }
        if (RolePermissions.allows(role, q.permission())) {
            return AccessDecision.allow("role " + role + via, roleName);
        }
        if (productGrant) {
            return AccessDecision.allow("product permission " + q.permission() + " on " + q.productId(), roleName);
        }
        return AccessDecision.deny("role " + role + via + " lacks " + q.permission(), roleName);
    }

    public Role roleIn(UUID organizationId, UUID userId) {
        Map<UUID, Role> members = roles.get(organizationId);
        return members == null ? null : members.get(userId);
    }

    /** Whether 2FA holds in the organization (its own setting or an ancestor's). */
    public boolean enforces2fa(UUID organizationId) {
        return securityAt(organizationId).enforce2fa();
    }

    /** The security settings that hold in the organization (as far as the view knows the tree). */
    public StrictestSecurity securityAt(UUID organizationId) {
        StrictestSecurity security = StrictestSecurity.NONE;
        int depth = 0;
        for (UUID at = organizationId; at != null && depth++ < MAX_DEPTH; ) {
            Node node = organizations.get(at);
            if (node == null) {
                break;
            }
            security = security.and(node.enforce2fa(), null);
            at = node.parentId();
        }
        return security;
    }

    /** Everyone with a role in the organization: its own members and those of its ancestors and descendants. */
    public Set<UUID> usersConcernedBy(UUID organizationId) {
        Set<UUID> users = new HashSet<>();
        int depth = 0;
        for (UUID at = organizationId; at != null && depth++ < MAX_DEPTH; ) {
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
        for (int depth = 0; node != null && node.parentId() != null && depth < MAX_DEPTH; depth++) {
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
