package dev.orgplatform.user.sso.service;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.sso.SsoProtocol;

/**
 * What a connection is made or changed with. For a change, a null field keeps what the connection has (the secret
 * too: it is never read back). OIDC needs issuer, client id and (to make it) secret; SAML a metadata URL or document.
 */
public record SsoConnectionSettings(SsoProtocol protocol, String displayName, String domain, String issuer, String clientId,
        String clientSecret, String metadataUrl, String metadataXml, String emailAttribute, String firstNameAttribute,
        String lastNameAttribute, Role defaultRole, String defaultTeam) {
}
