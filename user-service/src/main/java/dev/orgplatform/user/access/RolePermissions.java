package dev.orgplatform.user.access;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.orgplatform.platform.security.Role;

/** The role → permission matrix, the one place it is written (documented in README.md, "Roles and permissions"). */
public final class RolePermissions {

    private static final Set<String> READ = Set.of("organization:read", "member:read", "team:read", "product:read",
            "device:read", "firmware:read", "deployment:read");
    private static final Set<String> RESOURCE_WRITE = Set.of("product:write", "device:write", "firmware:write",
            "deployment:write");
    private static final Set<String> RESOURCE_DELETE = Set.of("product:delete", "device:delete", "firmware:delete",
            "deployment:delete");
    private static final Set<String> ADMINISTRATION = Set.of("organization:update", "organization:settings", "member:invite",
            "member:manage", "team:manage", "billing:read", "billing:manage", "apikey:manage", "audit:read",
            "organization:create-child");
    private static final Set<String> OWNERSHIP = Set.of("organization:delete", "organization:restore", "organization:transfer");

    private static final Map<Role, Set<String>> MATRIX = new EnumMap<>(Role.class);

    static {
        MATRIX.put(Role.VIEWER, READ);
        MATRIX.put(Role.OPERATOR, union(READ, Set.of("device:write", "firmware:write", "deployment:write", "deployment:execute")));
        MATRIX.put(Role.DEVELOPER, union(READ, RESOURCE_WRITE, Set.of("firmware:delete", "deployment:delete")));
        MATRIX.put(Role.MANAGER, union(READ, RESOURCE_WRITE, RESOURCE_DELETE, Set.of("deployment:execute")));
        MATRIX.put(Role.ADMIN, union(MATRIX.get(Role.MANAGER), ADMINISTRATION));
        MATRIX.put(Role.OWNER, union(MATRIX.get(Role.ADMIN), OWNERSHIP));
    }

    private RolePermissions() {
    }

    public static boolean allows(Role role, String permission) {
        return role != null && MATRIX.get(role).contains(permission);
    }

    /** Everything the role grants (none for no role). */
    public static Set<String> of(Role role) {
        return role == null ? Set.of() : MATRIX.get(role);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        HashSet<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
