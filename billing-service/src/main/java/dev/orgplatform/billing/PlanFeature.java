package dev.orgplatform.billing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a plan includes beside its limits (the plan table: {@link Plan}). */
public enum PlanFeature {
    /** Organizations below the root. */
    @JsonProperty("subOrganizations") SUB_ORGANIZATIONS("subOrganizations"),
    /** A sub-organization of another type than the default one. */
    @JsonProperty("subOrganizationTypes") SUB_ORGANIZATION_TYPES("subOrganizationTypes");

    private final String key;

    PlanFeature(String key) {
        this.key = key;
    }

    /** The name in JSON and in events. */
    public String key() {
        return key;
    }
}
