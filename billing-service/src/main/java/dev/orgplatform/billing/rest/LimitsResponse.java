package dev.orgplatform.billing.rest;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.billing.Plan;

/**
 * {@code billingOrganizationId}: the root of the organization's tree, billed for all of it; {@code plan} and the limits
 * are the root's, and {@code used} counts across the tree.
 */
public record LimitsResponse(UUID organizationId, UUID billingOrganizationId, Plan plan, List<QuotaResponse> resources) {
}
