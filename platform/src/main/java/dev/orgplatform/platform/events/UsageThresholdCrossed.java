package dev.orgplatform.platform.events;

import java.util.UUID;

/**
 * billing-service's alert on its {@code billing} topic: a tree's usage of {@code resource} reached
 * {@code thresholdPercent} of its limit ({@code organizationId}: the tree's root, the record key). user-service tells
 * the root's Owners and Admins who chose billing notifications.
 */
public record UsageThresholdCrossed(UUID organizationId, String resource, int thresholdPercent, long used, long limit) {

    public static final String TYPE = "UsageThresholdCrossed";
}
