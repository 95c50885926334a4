package dev.orgplatform.billing.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.billing.Plan;
import dev.orgplatform.billing.PlanFeature;

/**
 * {@code billingOrganizationId}: the root of the organization's tree, billed for all of it; {@code plan} and the limits
 * are the root's, and {@code used} counts across the tree; {@code features}: what the plan includes beside limits;
 * {@code featuresFrom}: each feature and the first plan that includes it.
 */
public record LimitsResponse(UUID organizationId, UUID billingOrganizationId, Plan plan, List<PlanFeature> features,
        Map<PlanFeature, Plan> featuresFrom, List<QuotaResponse> resources) {
}
