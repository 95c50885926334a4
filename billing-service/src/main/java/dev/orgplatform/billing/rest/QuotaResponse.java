package dev.orgplatform.billing.rest;

import dev.orgplatform.billing.LimitedResource;

/**
 * {@code limit} and {@code maximum} null = unlimited; {@code custom} = set by hand, kept across plan changes;
 * {@code used} = across the tree, {@code usedHere} = by the organization itself; {@code adjustable} = a limit may be set
 * by hand (false for what is only counted, and for subOrganizations, which the plan alone limits).
 */
public record QuotaResponse(LimitedResource resource, Long limit, long used, long usedHere, Long maximum, boolean custom,
        boolean adjustable) {
}
