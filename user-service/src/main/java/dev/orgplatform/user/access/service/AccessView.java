package dev.orgplatform.user.access.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.net.Cidr;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.MembershipTable;
import dev.orgplatform.user.access.RolePermissions;
import dev.orgplatform.user.access.StrictestSecurity;
import dev.orgplatform.user.sso.SignInPolicy;
import dev.orgplatform.user.sso.SignInRule;

/**
 * The in-memory picture the authorization check answers from, so a check costs no database round trip:
 * the organization tree (availability, own 2FA setting), every membership, product grants and the suspended
 * users. Its one writer is {@link AccessChangeApplier}: loaded from the database at start and kept in step with
 * what any replica commits by polling the database's change feed ({@link AccessChangeFeed}), which also says whether
 * the view is current enough to answer. Every update is an idempotent "set" of one fact.
 */
@ApplicationScoped
public class AccessView {

    /** One organization: where it hangs, whether it is available, and its own security rules. */
    private record Node(UUID parentId, boolean available, boolean enforce2fa, List<Cidr> allowlist, Integer maxSessionMinutes,
            SignInPolicy signIn, Set<String> ssoConnections, Set<String> retiredConnections) {
    }

    /** Guards the walks up the tree against a cycle (the tree is far shallower). */
    private static final int MAX_DEPTH = 16;
    private static final String UNAVAILABLE = "organization does not exist or is unavailable";

    private final Map<UUID, Node> organizations = new ConcurrentHashMap<>();
    private final MembershipTable roles = new MembershipTable();
    /** organization -> user -> product -> permissions */
    private final Map<UUID, Map<UUID, Map<String, Set<String>>>> productGrants = new ConcurrentHashMap<>();
    /** Disabled accounts. */
    private final Set<UUID> suspended = ConcurrentHashMap.newKeySet();
    /** user -> the organizations they are suspended in (and beneath). */
    private final Map<UUID, Set<UUID>> suspendedIn = new ConcurrentHashMap<>();

    private final PlatformClock clock;

    public AccessView(PlatformClock clock) {
        this.clock = clock;
    }

    public void putOrganization(UUID id, UUID parentId, boolean available, boolean enforce2fa) {
        putOrganization(id, parentId, available, enforce2fa, List.of(), null);
    }

    /** {@code allowlist}: CIDRs (what is not one is left out: org-service validated them). */
    public void putOrganization(UUID id, UUID parentId, boolean available, boolean enforce2fa, List<String> allowlist,
            Integer maxSessionMinutes) {
        putOrganization(id, parentId, available, enforce2fa, allowlist, maxSessionMinutes, SignInPolicy.PASSWORD_AND_SSO, List.of(),
                List.of());
    }

    /** Also how members may sign in, and the identity provider aliases of its live and deleted SSO connections. */
    public void putOrganization(UUID id, UUID parentId, boolean available, boolean enforce2fa, List<String> allowlist,
            Integer maxSessionMinutes, SignInPolicy signIn, List<String> ssoConnections, List<String> retiredConnections) {
        List<Cidr> blocks = allowlist.stream().map(Cidr::parse).flatMap(java.util.Optional::stream).toList();
        organizations.put(id, new Node(parentId, available, enforce2fa, blocks, maxSessionMinutes, signIn,
                Set.copyOf(ssoConnections), Set.copyOf(retiredConnections)));
    }

    /** A purged organization: its node is gone (its memberships and grants are deleted as facts of their own). */
    public void removeOrganization(UUID id) {
        organizations.remove(id);
    }

    public void putRole(UUID organizationId, UUID userId, Role role) {
        roles.put(organizationId, userId, role);
    }

    public void removeRole(UUID organizationId, UUID userId) {
        roles.remove(organizationId, userId);
    }

    public void grantProductPermission(UUID organizationId, UUID userId, String productId, String permission) {
        productGrants.computeIfAbsent(organizationId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(userId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(productId, k -> ConcurrentHashMap.newKeySet()).add(permission);
    }

    public void revokeProductPermission(UUID organizationId, UUID userId, String productId, String permission) {
        Map<UUID, Map<String, Set<String>>> users = productGrants.get(organizationId);
        Map<String, Set<String>> products = users == null ? null : users.get(userId);
        Set<String> granted = products == null ? null : products.get(productId);
        if (granted != null) {
            granted.remove(permission);
        }
    }

    public void setSuspended(UUID userId, boolean isSuspended) {
        if (isSuspended) {
            suspended.add(userId);
        } else {
            suspended.remove(userId);
        }
    }

    public void setSuspendedIn(UUID organizationId, UUID userId, boolean isSuspended) {
        if (isSuspended) {
            suspendedIn.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(organizationId);
        } else {
            Set<UUID> orgs = suspendedIn.get(userId);
            if (orgs != null) {
                orgs.remove(organizationId);
            }
        }
    }

    /** Before a full reload. */
    public void clear() {
        organizations.clear();
        roles.clear();
        productGrants.clear();
        suspended.clear();
        suspendedIn.clear();
    }

    /** Whether the organization and every ancestor are known and available (an API key works only there). */
    public boolean available(UUID organizationId) {
        int depth = 0;
        for (UUID at = organizationId; at != null; ) {
            Node node = organizations.get(at);
            if (node == null || !node.available() || ++depth > MAX_DEPTH) {
                return false;
            }
            at = node.parentId();
        }
        return true;
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
        Set<UUID> suspendedInOrgs = suspendedIn.getOrDefault(q.userId(), Set.of());
        UUID suspendedAt = null;
        UUID excludedBy = null;
        Integer sessionCap = null;
        UUID cappedBy = null;
        // made only where a node has sign-in facts: most checks allocate nothing for them
        List<SignInPolicy> signInPolicies = null;
        Set<String> connections = null;
        Set<String> retired = null;
        int depth = 0;
        for (UUID at = q.organizationId(); at != null; ) {
            Node node = organizations.get(at);
            if (node == null || !node.available() || ++depth > MAX_DEPTH) {
                return AccessDecision.deny(UNAVAILABLE);
            }
            security = security.and(node.enforce2fa(), null);
            if (excludedBy == null && q.clientAddress() != null && !node.allowlist().isEmpty()
                    && node.allowlist().stream().noneMatch(c -> c.containsAddress(q.clientAddress()))) {
                excludedBy = at;
            }
            if (node.maxSessionMinutes() != null && (sessionCap == null || node.maxSessionMinutes() < sessionCap)) {
                sessionCap = node.maxSessionMinutes();
                cappedBy = at;
            }
            if (node.signIn() != SignInPolicy.PASSWORD_AND_SSO || !node.ssoConnections().isEmpty() || !node.retiredConnections().isEmpty()) {
                if (signInPolicies == null) {
                    signInPolicies = new ArrayList<>(2);
                    connections = new HashSet<>();
                    retired = new HashSet<>();
                }
                signInPolicies.add(node.signIn());
                connections.addAll(node.ssoConnections());
                retired.addAll(node.retiredConnections());
            }
            if (suspendedAt == null && suspendedInOrgs.contains(at)) {
                suspendedAt = at;
            }
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
        if (suspendedAt != null) {
            return AccessDecision.deny("member is suspended in organization " + suspendedAt, roleName);
        }
        if (excludedBy != null) {
            return AccessDecision.deny(AccessDecision.IP_ALLOWLIST + ": requests from " + q.clientAddress()
                    + " are outside the IP allowlist of organization " + excludedBy, roleName);
        }
        if (sessionCap != null && q.authTime() != null && q.apiKey() == null
                && clock.now().getEpochSecond() - q.authTime() > sessionCap * 60L) {
            return AccessDecision.deny(AccessDecision.MAX_SESSION + ": the sign-in is older than the " + sessionCap
                    + " minutes organization " + cappedBy + " allows: sign in again", roleName);
        }
        String signInRefusal = q.apiKey() == null && signInPolicies != null
                ? SignInRule.refusal(signInPolicies, connections, retired, q.identityProvider()) : null;
        if (signInRefusal != null) {
            return AccessDecision.deny(AccessDecision.SIGN_IN_POLICY + ": " + signInRefusal, roleName);
        }
        String via = grantedAt.equals(q.organizationId()) ? "" : " inherited from " + grantedAt;
        if (security.enforce2fa() && !Boolean.TRUE.equals(q.secondFactor())) {
            return AccessDecision.deny(AccessDecision.SECOND_FACTOR_REQUIRED, roleName);
        }
        if (RolePermissions.allows(role, q.permission())) {
            return AccessDecision.allow("role " + role + via, roleName);
        }
        if (productGrant) {
            return AccessDecision.allow("product permission " + q.permission() + " on " + q.productId(), roleName);
        }
        return AccessDecision.deny("role " + role + via + " lacks " + q.permission(), roleName);
    }

    /** The strictest maximum session length (minutes) along the organization's path, or null when none is set. */
    public Integer sessionCap(UUID organizationId) {
        Integer cap = null;
        int depth = 0;
        for (UUID at = organizationId; at != null && ++depth <= MAX_DEPTH; ) {
            Node node = organizations.get(at);
            if (node == null) {
                break;
            }
            if (node.maxSessionMinutes() != null && (cap == null || node.maxSessionMinutes() < cap)) {
                cap = node.maxSessionMinutes();
            }
            at = node.parentId();
        }
        return cap;
    }

    public Role roleIn(UUID organizationId, UUID userId) {
        return roles.role(organizationId, userId);
    }

    private boolean productAllows(UUID organizationId, UUID userId, String productId, String permission) {
        Map<UUID, Map<String, Set<String>>> users = productGrants.get(organizationId);
        Map<String, Set<String>> products = users == null ? null : users.get(userId);
        Set<String> granted = products == null ? null : products.get(productId);
        return granted != null && granted.contains(permission);
    }
}
