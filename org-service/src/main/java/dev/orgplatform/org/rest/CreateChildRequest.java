package dev.orgplatform.org.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.orgplatform.org.Region;

/**
 * A sub-organization; its region is its parent's (absent means the parent's, another one is refused); its country,
 * absent, is its parent's; its type, absent, the first of {@code org.sub-organizations.types}.
 */
public record CreateChildRequest(
        @NotBlank @Size(min = 3, max = 63) @Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?", message = "must be a slug: lowercase letters, digits and inner hyphens") String name,
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 2000) String description,
        @Email @Size(max = 320) String contactEmail,
        Region region,
        @Size(max = 2) String country,
        @Size(max = 40) String type) {
}
