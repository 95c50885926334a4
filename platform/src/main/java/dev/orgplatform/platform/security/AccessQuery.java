package dev.orgplatform.platform.security;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** "May this user do this permission on this organization (and product)?" */
public record AccessQuery(@NotNull UUID userId, @NotNull UUID organizationId, @NotBlank String permission, String productId) {

    public static AccessQuery of(UUID userId, UUID organizationId, String permission) {
        return new AccessQuery(userId, organizationId, permission, null);
    }
}
