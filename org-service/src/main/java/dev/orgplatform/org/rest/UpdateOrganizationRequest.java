package dev.orgplatform.org.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import dev.orgplatform.org.Region;

/**
 * PATCH: absent (or null) fields stay as they are. PUT: the whole general settings; absent optional fields
 * are cleared and {@code displayName} is required. {@code name} and {@code region} may be sent only with
 * their current value: they never change.
 */
public record UpdateOrganizationRequest(
        @Size(max = 63) String name,
        @Size(min = 1, max = 200) String displayName,
        @Size(max = 2000) String description,
        @Email @Size(max = 320) String contactEmail,
        Region region,
        @Size(max = 2) String country,
        @Size(max = 40) String type) {
}
