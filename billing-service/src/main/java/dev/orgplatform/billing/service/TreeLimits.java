package dev.orgplatform.billing.service;

import java.util.List;
import java.util.Map;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.ResourceQuota;

/**
 * What an organization may use: its tree's root's plan and limits ({@code rootQuotas}), the tree's usage summed over
 * its organizations ({@code treeUsed}) and the organization's own part of it ({@code own}).
 */
public record TreeLimits(BillingAccount account, BillingAccount root, List<ResourceQuota> rootQuotas, Map<LimitedResource, Long> treeUsed,
        List<ResourceQuota> own) {

    public long treeUsed(LimitedResource resource) {
        return treeUsed.getOrDefault(resource, 0L);
    }

    public long ownUsed(LimitedResource resource) {
        return own.stream().filter(q -> q.resource == resource).mapToLong(q -> q.used).findFirst().orElse(0L);
    }
}
