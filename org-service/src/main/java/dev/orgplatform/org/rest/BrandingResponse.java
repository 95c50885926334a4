package dev.orgplatform.org.rest;

import java.util.UUID;

/**
 * An organization's own branding ({@code own}, parts null when not set there) and what holds for it
 * ({@code effective}: each part the nearest set up the tree, with the organization it comes from). {@code logoUrl}
 * serves the logo that holds; {@code displayName} is the organization's, for what is sent in its name.
 */
public record BrandingResponse(UUID organizationId, String displayName, Parts own, Effective effective, String logoUrl, long version) {

    public record Logo(String mediaType, Integer width, Integer height, String sha256) {
    }

    public record Parts(String primaryColor, String mailDisplayName, Logo logo) {
    }

    public record Effective(String primaryColor, UUID primaryColorFrom, String mailDisplayName, UUID mailDisplayNameFrom, Logo logo,
            UUID logoFrom) {
    }
}
