package dev.orgplatform.platform.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.RemoteAccessPolicy;
import dev.orgplatform.platform.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for user-service's authorization check in a module's own {@code @QuarkusTest}s, where no
 * user-service runs: each test states who holds which role and permissions where, and everyone else is a
 * stranger (no role: the gate answers 404). Install it with
 * {@code QuarkusMock.installMockForType(access, AccessPolicy.class)}. The real check is covered in
 * user-service's tests and, across the packaged services, in system-tests.
 */
public class GrantedAccess extends RemoteAccessPolicy {

    private record Grant(Role role, Set<String> permissions) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public GrantedAccess() {
        super(null, Duration.ofSeconds(1));
    }

    /** {@code userId} has {@code role} in {@code organizationId} and may do exactly {@code permissions} there. */
    public GrantedAccess grant(Object userId, UUID organizationId, Role role, String... permissions) {
        grants.put(key(userId, organizationId), new Grant(role, Set.of(permissions)));
        return this;
    }

    public GrantedAccess revoke(Object userId, UUID organizationId) {
        grants.remove(key(userId, organizationId));
        return this;
    }

    @Override
    public Uni<AccessDecision> decide(AccessQuery query) {
        Grant g = grants.get(key(query.userId(), query.organizationId()));
        AccessDecision d = g == null ? AccessDecision.deny("not a member")
                : g.permissions().contains(query.permission()) ? AccessDecision.allow("granted in test", g.role().name())
                : AccessDecision.deny("role " + g.role() + " lacks " + query.permission(), g.role().name());
        return Uni.createFrom().item(d);
    }

    private static String key(Object userId, UUID organizationId) {
        return userId + "/" + organizationId;
    }
}
