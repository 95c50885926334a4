package dev.orgplatform.platform.security;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * "May this user do this permission on this organization (and product)?" {@code secondFactor} tells whether
 * the caller's login used a second factor (organizations that enforce 2FA deny without it); null = unknown.
 */
public record AccessQuery(@NotNull UUID userId, @NotNull UUID organizationId, @NotBlank String permission, String productId,
        Boolean secondFactor) {

    public static AccessQuery of(UUID userId, UUID organizationId, String permission) {
        return new AccessQuery(userId, organizationId, permission, null, null);
    }
}
