package dev.orgplatform.platform.security;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Nobody is made Owner except by transferring ownership: not by an invitation, not by a role change. A request
 * naming OWNER is refused with 400 naming its field; an event naming it is malformed.
 */
public final class OwnerByTransferOnly {

    private OwnerByTransferOnly() {
    }

    public static boolean givable(Role role) {
        return role != Role.OWNER;
    }

    public static void require(String field, Role role) {
        if (!givable(role)) {
            throw ProblemException.badField(field, "OWNER is given only by transferring ownership");
        }
    }
}
