package dev.orgplatform.user.service;

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
 * the organization tree, every membership and the suspended users. Rebuilt from the database at start
 * ({@link AccessViewLoader}) and updated after every committed change.
 */
@ApplicationScoped
public class AccessView {

    private record Node(UUID parentId, boolean available) {
    }

    private final Map<UUID, Node> organizations = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Role>> roles = new ConcurrentHashMap<>();
    private final Set<UUID> suspended = ConcurrentHashMap.newKeySet();

    public void putOrganization(UUID id, UUID parentId, boolean available) {
        organizations.put(id, new Node(parentId, available));
    }

    public void putRole(UUID organizationId, UUID userId, Role role) {
        roles.computeIfAbsent(organizationId, k -> new ConcurrentHashMap<>()).put(userId, role);
    }

    public void removeRole(UUID organizationId, UUID userId) {
        Map<UUID, Role> members = roles.get(organizationId);
        if (members != null) {
            members.remove(userId);
        }
    }

    public void setSuspended(UUID userId, boolean isSuspended) {
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
        Node target = organizations.get(q.organizationId());
        if (target == null || !target.available()) {
            return AccessDecision.deny("organization does not exist or is unavailable");
        }
        Role role = null;
        UUID grantedAt = null;
        // the nearest membership up the tree wins; any unavailable ancestor makes the whole branch unavailable
        for (UUID at = q.organizationId(); at != null; ) {
            Node node = organizations.get(at);
            if (node == null || !node.available()) {
                return AccessDecision.deny("organization does not exist or is unavailable");
            }
            Role here = role == null ? roleIn(at, q.userId()) : null;
            if (here != null) {
                role = here;
                grantedAt = at;
            }
            at = node.parentId();
        }
        if (role == null) {
            return AccessDecision.deny("not a member");
        }
        String via = grantedAt.equals(q.organizationId()) ? "" : " inherited from " + grantedAt;
        return RolePermissions.allows(role, q.permission())
                ? AccessDecision.allow("role " + role + via, role.name())
                : AccessDecision.deny("role " + role + via + " lacks " + q.permission(), role.name());
    }

    public Role roleIn(UUID organizationId, UUID userId) {
        Map<UUID, Role> members = roles.get(organizationId);
        return members == null ? null : members.get(userId);
    }
}
