package dev.orgplatform.user.sso.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * A connection as its organization's admins see it, without its secret. {@code routesLogins}: its domain is verified,
 * so Keycloak sends logins of that domain to it; {@code keycloak}: IN_STEP, or PENDING with {@code keycloakError}.
 */
public record SsoConnectionResponse(UUID id, UUID organizationId, String identityProvider, String protocol, String displayName,
        String domain, boolean routesLogins, String issuer, String clientId, String metadataUrl, boolean metadataDocument,
        String emailAttribute, String firstNameAttribute, String lastNameAttribute, String defaultRole, String defaultTeam,
        int version, String keycloak, String keycloakError, Instant createdAt) {
}
