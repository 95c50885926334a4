package dev.orgplatform.billing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.orgplatform.billing.LimitedResource.ACTIVE_DEPLOYMENTS;
import static dev.orgplatform.billing.LimitedResource.API_KEYS;
import static dev.orgplatform.billing.LimitedResource.DEVICES;
import static dev.orgplatform.billing.LimitedResource.PRODUCTS;
import static dev.orgplatform.billing.LimitedResource.SUB_ORGANIZATIONS;
import static dev.orgplatform.billing.LimitedResource.USERS;
import static dev.orgplatform.billing.LimitedResource.WEBHOOKS;
import static dev.orgplatform.billing.PlanFeature.SUB_ORGANIZATION_TYPES;

/**
 * The plans, their limit per resource and the features each includes: THE plan table (README.md, "Plans and limits",
 * repeats it). Free carries SPEC.md's defaults; each higher plan gives more, never above a resource's maximum;
 * null = unlimited. Sub-organizations come with Pro and higher: a plan without them limits a tree to none.
 */
public enum Plan {
    //          products  devices     users  apiKeys  webhooks  features
    FREE(       100L,     10_000L,    50L,   100L,    25L,      EnumSet.noneOf(PlanFeature.class)),
    PLUS(       250L,     25_000L,    100L,  250L,    40L,      EnumSet.noneOf(PlanFeature.class)),
    PRO(        1_000L,   100_000L,   200L,  500L,    60L,      EnumSet.of(PlanFeature.SUB_ORGANIZATIONS)),
    BUSINESS(   5_000L,   1_000_000L, 350L,  750L,    80L,      EnumSet.of(PlanFeature.SUB_ORGANIZATIONS, SUB_ORGANIZATION_TYPES)),
    ENTERPRISE( null,     null,       500L,  1_000L,  100L,     EnumSet.of(PlanFeature.SUB_ORGANIZATIONS, SUB_ORGANIZATION_TYPES));

    private final Map<LimitedResource, Long> limits = new EnumMap<>(LimitedResource.class);
    private final Set<PlanFeature> features;

    Plan(Long products, Long devices, Long users, Long apiKeys, Long webhooks, Set<PlanFeature> features) {
        limits.put(PRODUCTS, products);
        limits.put(DEVICES, devices);
        limits.put(USERS, users);
        limits.put(API_KEYS, apiKeys);
        limits.put(WEBHOOKS, webhooks);
        limits.put(ACTIVE_DEPLOYMENTS, null); // tracked, never limited
        limits.put(SUB_ORGANIZATIONS, features.contains(PlanFeature.SUB_ORGANIZATIONS) ? null : 0L);
        this.features = Set.copyOf(features);
    }

    /** This plan's limit of {@code resource}; null = unlimited. */
    public Long limit(LimitedResource resource) {
        return limits.get(resource);
    }

    public Set<PlanFeature> features() {
        return features;
    }

    public boolean includes(PlanFeature feature) {
        return features.contains(feature);
    }

    /** The first plan, in order, that includes {@code feature}. */
    public static Plan lowestWith(PlanFeature feature) {
        for (Plan p : values()) {
            if (p.includes(feature)) {
                return p;
            }
        }
        throw new IllegalStateException("no plan includes " + feature);
    }
}
