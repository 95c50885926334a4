package dev.orgplatform.platform.security;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "May this user do this permission on this organization (and product)?" {@code secondFactor} tells whether
 * the caller's login used a second factor (organizations that enforce 2FA deny without it); null = unknown.
 * {@code apiKey} is set when the caller came with an API key, whose organization and scopes narrow the answer.
 * {@code clientAddress} (the request's client, {@code ClientAddress}) is held against the organization's IP allowlist,
 * {@code authTime} (epoch seconds of the login, {@code auth_time}) against its maximum session length; without it,
 * the start of the Keycloak session {@code sessionId} ({@code sid}) is asked for; neither (a key has no login): that
 * rule is not asked. {@code identityProvider} (the {@code identity_provider} claim: the Keycloak identity provider the
 * login came through, null for a password) is held against the organization's sign-in policy.
 */
public record AccessQuery(@NotNull UUID userId, @NotNull UUID organizationId, @NotBlank @Size(max = 100) String permission, @Size(max = 200) String productId,
        Boolean secondFactor, ApiKeyGrant apiKey, @Size(max = 45) String clientAddress, Long authTime,
        @Size(max = 100) String sessionId, @Size(max = 100) String identityProvider) {

    public AccessQuery(UUID userId, UUID organizationId, String permission, String productId, Boolean secondFactor) {
        this(userId, organizationId, permission, productId, secondFactor, null);
    }

    public AccessQuery(UUID userId, UUID organizationId, String permission, String productId, Boolean secondFactor,
            ApiKeyGrant apiKey) {
        this(userId, organizationId, permission, productId, secondFactor, apiKey, null, null, null, null);
    }

    /** The same question, the login's time now known. */
    public AccessQuery withAuthTime(Long loginTime) {
        return new AccessQuery(userId, organizationId, permission, productId, secondFactor, apiKey, clientAddress, loginTime, sessionId,
                identityProvider);
    }

    public static AccessQuery of(UUID userId, UUID organizationId, String permission) {
        return new AccessQuery(userId, organizationId, permission, null, null, null);
    }

    /** Null when an API key (if any) covers this question, else why it does not. */
    public String apiKeyRefusal() {
        if (apiKey == null) {
            return null;
        }
        if (!apiKey.organizationId().equals(organizationId)) {
            return "the API key is bound to another organization";
        }
        return apiKey.covers(permission) ? null : "the API key's scopes " + apiKey.scopes() + " do not cover " + permission
                + " (read covers every *:read, write also every *:write; anything else must be named): make a key whose scopes name "
                + permission;
    }
}
