package dev.orgplatform.user.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.MemberRules;
import dev.orgplatform.user.membership.TreeMembership;

/**
 * Who may suspend whom. In an organization: a member of it or of its subtree, by someone who manages members
 * there and is at least as strong as the member's strongest role in that subtree; never its Owner, never a
 * member whose role comes from an ancestor (they are suspended where they belong), never oneself. The account
 * itself: a platform operator, or someone who may suspend the user in every organization they belong to.
 */
public final class SuspensionRule {

    private SuspensionRule() {
    }

    /** {@code around}: the user's memberships in the organization, its ancestors and its descendants. */
    public static void maySuspendIn(UUID callerId, Role callerRole, UUID userId, List<TreeMembership> around) {
        if (callerId.equals(userId)) {
            throw ProblemException.forbidden("nobody suspends or reactivates themself");
        }
        if (around.isEmpty()) {
            throw ProblemException.notFound("member " + userId);
        }
        if (around.stream().anyMatch(m -> m.place() == TreeMembership.Place.ANCESTOR)) {
            throw ProblemException.forbidden("the user's role comes from an ancestor organization: suspend them there");
        }
        around.forEach(m -> MemberRules.mayTouch(callerRole, m.role()));
    }

    /**
     * {@code callerRoles}: the caller's effective role in each organization the user belongs to (empty for a
     * platform operator, who may always); {@code memberships}: the user's own memberships.
     */
    public static void mayDisableAccount(UUID callerId, boolean operator, Map<UUID, Role> callerRoles, UUID userId,
            List<Membership> memberships) {
        if (callerId.equals(userId)) {
            throw ProblemException.forbidden("nobody suspends or reactivates themself");
        }
        if (operator) {
            return;
        }
        if (memberships.isEmpty()) {
            throw ProblemException.forbidden("only a platform operator disables the account of a user without organizations");
        }
        for (Membership m : memberships) {
            Role caller = callerRoles.get(m.organizationId);
            if (caller == null) {
                throw ProblemException.forbidden("the account is disabled only by a platform operator or by someone who "
                        + "manages every organization the user belongs to");
            }
            MemberRules.mayTouch(caller, m.role);
        }
    }
}
