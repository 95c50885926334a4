package dev.orgplatform.org.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.orgplatform.org.client.BillingServiceApi.DeletionPreconditions;

/**
 * When an organization may be deleted: no sub-organizations, no members but its Owner, no devices and no
 * active deployments counted, no outstanding balance. Answers every unmet condition, never only the first.
 */
public final class DeletionRule {

    private DeletionRule() {
    }

    /** One condition that blocks deletion: a stable {@code condition} code and a sentence for people. */
    public record Unmet(String condition, String detail) {
    }

    public static List<Unmet> unmet(long subOrganizations, UUID ownerId, List<UUID> someMembers, DeletionPreconditions billing) {
        List<Unmet> unmet = new ArrayList<>();
        if (subOrganizations > 0) {
            unmet.add(new Unmet("sub-organizations", subOrganizations + " sub-organization(s) remain; delete or move them first"));
        }
        if (someMembers.stream().anyMatch(m -> !m.equals(ownerId))) {
            unmet.add(new Unmet("members", "members other than the Owner remain; remove them first"));
        }
        if (billing.devices() > 0) {
            unmet.add(new Unmet("devices", billing.devices() + " device(s) are still counted"));
        }
        if (billing.activeDeployments() > 0) {
            unmet.add(new Unmet("active-deployments", billing.activeDeployments() + " deployment(s) are still active"));
        }
        if (billing.outstandingCents() > 0) {
            unmet.add(new Unmet("outstanding-balance", "an outstanding balance of " + billing.outstandingCents() + " cents is unpaid"));
        }
        boolean billingExplained = billing.devices() > 0 || billing.activeDeployments() > 0 || billing.outstandingCents() > 0;
        if (!billing.satisfied() && !billingExplained) {
            List<String> blockers = billing.blockers() == null || billing.blockers().isEmpty() ? List.of("billing-service refuses")
                    : billing.blockers();
            blockers.forEach(b -> unmet.add(new Unmet("billing", b)));
        }
        return unmet;
    }
}
