package dev.orgplatform.user.sso.rest;

import java.util.List;
import java.util.UUID;

/**
 * The organization's own policy, and what holds there: a method is admitted only if the organization and every one
 * above it admit it ({@code passwordAdmitted}, {@code ssoAdmitted}); {@code identityProviders} are the connections that count as SSO.
 */
public record SignInPolicyResponse(UUID organizationId, String policy, boolean passwordAdmitted, boolean ssoAdmitted,
        List<String> identityProviders) {
}
