package dev.orgplatform.org.service;

import dev.orgplatform.org.Region;

/**
 * A change of an organization's general fields. {@code name} and {@code region} never change: they may only
 * repeat their current value.
 */
public record OrganizationChange(String name, String displayName, String description, String contactEmail, Region region,
        String country, String type) {
}
