package dev.orgplatform.user.sso.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.sso.SsoProtocol;

/**
 * An SSO connection to make (protocol, displayName, domain and the protocol's fields are required) or to change (only
 * the fields given change; protocol cannot). The client secret goes to Keycloak and is never answered back.
 */
public record SsoConnectionRequest(SsoProtocol protocol, @Size(min = 1, max = 100) String displayName,
        @Schema(description = "an email domain the organization claims; logins of it are routed here once verified")
        @Size(max = 253) String domain,
        @Schema(description = "OIDC: the provider's issuer URL (its /.well-known/openid-configuration is read)")
        @Size(max = 2048) String issuer,
        @Size(max = 255) String clientId, @Size(max = 1024) String clientSecret,
        @Schema(description = "SAML: the URL of the provider's metadata") @Size(max = 2048) String metadataUrl,
        @Schema(description = "SAML: the provider's metadata document") @Size(max = 200_000) String metadataXml,
        @Size(min = 1, max = 100) String emailAttribute, @Size(min = 1, max = 100) String firstNameAttribute,
        @Size(min = 1, max = 100) String lastNameAttribute,
        @Schema(description = "the role of who joins through it (not OWNER); VIEWER when not given") Role defaultRole,
        @Schema(description = "the team they join; the organization's default team when not given") @Size(max = 100) String defaultTeam) {
}
