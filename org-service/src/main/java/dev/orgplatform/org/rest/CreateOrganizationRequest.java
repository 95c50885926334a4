package dev.orgplatform.org.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.orgplatform.org.Region;

public record CreateOrganizationRequest(
        @NotBlank @Size(min = 3, max = 63) @Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?", message = "must be a slug: lowercase letters, digits and inner hyphens") String name,
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 2000) String description,
        @Email @Size(max = 320) String contactEmail,
        @NotNull Region region,
        @Size(max = 2) String country) {
}
