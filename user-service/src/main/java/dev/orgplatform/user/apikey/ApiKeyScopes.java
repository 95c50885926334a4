package dev.orgplatform.user.apikey;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.RolePermissions;
import dev.orgplatform.user.membership.ProductPermission;

/**
 * What a key's scopes may say: {@code read}, {@code write}, or the name of a permission that exists (a role's or a
 * product's). A scope naming none (a typo such as {@code organisation:update}) is refused before the key takes a seat.
 */
public final class ApiKeyScopes {

    private static final Set<String> PERMISSIONS = permissions();

    private ApiKeyScopes() {
    }

    public static void requireKnown(List<String> scopes) {
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (!scope.equals("read") && !scope.equals("write") && !PERMISSIONS.contains(scope)) {
                throw ProblemException.badField("scopes[" + i + "]", "names no permission (" + scope + "); a scope is read, write or one of "
                        + String.join(", ", PERMISSIONS));
            }
        }
    }

    private static Set<String> permissions() {
        Set<String> all = new TreeSet<>(RolePermissions.of(Role.OWNER));
        all.addAll(ProductPermission.GRANTABLE);
        return all;
    }
}
