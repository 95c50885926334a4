package dev.orgplatform.billing.rest;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.billing.Plan;

public record LimitsResponse(UUID organizationId, Plan plan, List<QuotaResponse> resources) {
}
