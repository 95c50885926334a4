package dev.orgplatform.billing.service;

import java.util.Map;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.platform.problem.ProblemException;

/**
 * A tree is billed as one, at its root: the root's plan, limits and alert thresholds hold for every organization in
 * it, so they are changed at the root only.
 */
final class BilledAtRoot {

    private BilledAtRoot() {
    }

    /** 409 for a sub-organization, naming the root where {@code what} is set. */
    static void require(BillingAccount account, String what) {
        if (!account.isRoot()) {
            throw new ProblemException(409, "Set at the root organization", "organization " + account.organizationId + " draws on the "
                    + what + " of its root organization " + account.billingRootId + "; change them there", null,
                    Map.of("billingOrganizationId", account.billingRootId));
        }
    }
}
