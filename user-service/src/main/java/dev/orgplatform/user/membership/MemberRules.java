package dev.orgplatform.user.membership;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.OwnerByTransferOnly;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.security.RoleCeiling;

/**
 * Who may act on whom in an organization: only someone at least as strong as the member, never on the Owner
 * (whose membership changes only by ownership transfer); a new role stays under the {@link RoleCeiling}.
 */
public final class MemberRules {

    private MemberRules() {
    }

    public static void mayChangeRole(Role caller, Role current, Role requested) {
        OwnerByTransferOnly.require("role", requested);
        mayTouch(caller, current);
        if (!RoleCeiling.allows(caller, requested)) {
            throw ProblemException.forbidden("a " + caller + " cannot raise anyone above their own role");
        }
    }

    public static void mayRemove(Role caller, Role current) {
        if (current == Role.OWNER) {
            throw ProblemException.conflict("the Owner cannot be removed; transfer ownership first");
        }
        mayTouch(caller, current);
    }

    /** Suspending or otherwise acting on a member: only someone at least as strong, and never the Owner. */
    public static void mayTouch(Role caller, Role current) {
        if (current == Role.OWNER) {
            throw ProblemException.forbidden("the Owner's membership changes only through ownership transfer");
        }
        if (!caller.atLeast(current)) {
            throw ProblemException.forbidden("a " + caller + " cannot change a " + current);
        }
    }
}
