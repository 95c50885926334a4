package dev.orgplatform.user.sso;

/** How an organization's identity provider speaks; Keycloak's provider id for each. */
public enum SsoProtocol {
    OIDC("oidc"), SAML("saml");

    private final String keycloakProvider;

    SsoProtocol(String keycloakProvider) {
        this.keycloakProvider = keycloakProvider;
    }

    public String keycloakProvider() {
        return keycloakProvider;
    }
}
