package dev.orgplatform.user.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.security.Role;

/** README.md, "Roles and permissions", row by row: every role against every permission of the table. */
class RolePermissionsTest {

    /** permission -> which of OWNER, ADMIN, MANAGER, DEVELOPER, OPERATOR, VIEWER hold it */
    private static final Map<String, String> README = new LinkedHashMap<>();

    static {
        row("111111", "organization:read", "member:read", "team:read", "product:read", "device:read", "firmware:read",
                "deployment:read");
        row("111110", "device:write", "firmware:write", "deployment:write");
        row("111100", "product:write");
        row("111010", "deployment:execute");
        row("111100", "firmware:delete", "deployment:delete");
        row("111000", "product:delete", "device:delete");
        row("110000", "organization:update", "organization:settings", "organization:create-child", "member:invite",
                "member:manage", "team:manage", "billing:read", "billing:manage", "apikey:manage", "audit:read");
        row("100000", "organization:delete", "organization:restore", "organization:transfer");
    }

    private static void row(String holders, String... permissions) {
        for (String p : permissions) {
            README.put(p, holders);
        }
    }

    @Test
    void everyRoleHoldsExactlyWhatTheReadmeTableSays() {
        List<Role> order = List.of(Role.OWNER, Role.ADMIN, Role.MANAGER, Role.DEVELOPER, Role.OPERATOR, Role.VIEWER);
        assertEquals(List.of(Role.values()), order, "the table's columns are the role order");
        README.forEach((permission, holders) -> {
            for (int i = 0; i < order.size(); i++) {
                assertEquals(holders.charAt(i) == '1', RolePermissions.allows(order.get(i), permission),
                        order.get(i) + " / " + permission);
            }
        });
    }

    @Test
    void nothingBeyondTheTableAndNoRoleNothing() {
        for (Role role : Role.values()) {
            assertFalse(RolePermissions.allows(role, "organization:purge"), role.name());
            assertFalse(RolePermissions.allows(role, "read"), role.name());
        }
        assertFalse(RolePermissions.allows(null, "organization:read"));
    }
}
