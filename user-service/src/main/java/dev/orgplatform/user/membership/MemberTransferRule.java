package dev.orgplatform.user.membership;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.OwnerByTransferOnly;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.security.RoleCeiling;

/**
 * Who may move a member from one organization to another: only within one tree (a move elsewhere would carry a seat
 * into another bill), to an organization they are not in yet, never the Owner, never someone suspended where they
 * are (reactivate first: the suspension would not follow), and by someone who could remove them where they are and
 * give them the new role where they go.
 */
public final class MemberTransferRule {

    /** What the decision needs: where from and to, the trees' roots, the caller's roles on each side, the member. */
    public record Facts(UUID from, UUID to, UUID fromRoot, UUID toRoot, Role callerInSource, Role callerInTarget, Role current,
            Role requested, boolean alreadyInTarget, boolean suspendedInSource) {
    }

    private MemberTransferRule() {
    }

    public static void require(Facts f) {
        OwnerByTransferOnly.require("role", f.requested());
        if (f.from().equals(f.to())) {
            throw ProblemException.badField("toOrganizationId", "is the organization the member is in already");
        }
        if (f.fromRoot() == null || !f.fromRoot().equals(f.toRoot())) {
            throw conflict("toOrganizationId", "is not in the same tree: a member moves only between organizations of one tree");
        }
        if (f.current() == Role.OWNER) {
            throw conflict("userId", "is the Owner; transfer ownership first");
        }
        if (f.suspendedInSource()) {
            throw conflict("userId", "is suspended in organization " + f.from() + "; reactivate them there first");
        }
        MemberRules.mayTouch(f.callerInSource(), f.current());
        if (!RoleCeiling.allows(f.callerInTarget(), f.requested())) {
            throw ProblemException.forbidden("a " + f.callerInTarget() + " of organization " + f.to() + " cannot give the role "
                    + f.requested() + " there");
        }
        if (f.alreadyInTarget()) {
            throw conflict("toOrganizationId", "already has this member; change their role there or remove them here");
        }
    }

    private static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message, List.of(new FieldError(field, message)), null);
    }
}
