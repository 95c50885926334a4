package dev.orgplatform.user.sso;

/**
 * How members may sign in to act in an organization: with a password (or anything Keycloak offers but an organization's
 * identity provider), through the organization's SSO connection, or either. 2FA rules hold on top of it.
 */
public enum SignInPolicy {
    PASSWORD(true, false), PASSWORD_AND_SSO(true, true), SSO_ONLY(false, true);

    private final boolean password;
    private final boolean sso;

    SignInPolicy(boolean password, boolean sso) {
        this.password = password;
        this.sso = sso;
    }

    public boolean admitsPassword() {
        return password;
    }

    public boolean admitsSso() {
        return sso;
    }
}
