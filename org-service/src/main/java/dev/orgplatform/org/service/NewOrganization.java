package dev.orgplatform.org.service;

import dev.orgplatform.org.Region;

/** What a new organization is made of (a top-level one or a sub-organization; a child's null region is its parent's). */
public record NewOrganization(String name, String displayName, String description, String contactEmail, Region region,
        String country, String type) {
}
