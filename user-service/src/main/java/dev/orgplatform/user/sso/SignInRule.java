package dev.orgplatform.user.sso;

import java.util.Collection;

/**
 * Whether a session may act in an organization by how it signed in. {@code identityProvider} is the Keycloak alias the
 * session came through (null: a password or other local sign-in). The policies of the organization and every ancestor
 * all hold (a method is admitted only if each admits it); a session through one of their SSO connections counts as SSO;
 * a session through a connection since deleted there is refused whatever the policy.
 */
public final class SignInRule {

    public static final String RULE = "signInPolicy";

    private SignInRule() {
    }

    /** Null when admitted, else why not. */
    public static String refusal(Collection<SignInPolicy> policies, Collection<String> connections, Collection<String> retired,
            String identityProvider) {
        if (identityProvider != null && retired.contains(identityProvider)) {
            return "the SSO connection this session signed in through was deleted: sign in again";
        }
        boolean password = policies.stream().allMatch(SignInPolicy::admitsPassword);
        boolean sso = policies.stream().allMatch(SignInPolicy::admitsSso);
        if (identityProvider != null && connections.contains(identityProvider)) {
            return sso ? null : "the organization admits password sign-ins only: sign in with your password";
        }
        if (password) {
            return null;
        }
        return sso ? "the organization admits sign-ins through its SSO connection only: sign in with your organization's"
                + " identity provider" : "the sign-in policies of this organization and its parents admit no sign-in method";
    }
}
