package dev.orgplatform.user.sso.rest;

import java.util.UUID;

/** Where this SSO sign-in made the caller a member ({@code joinedNow}) or found them one already. */
public record SsoAdmissionResponse(UUID organizationId, UUID connectionId, String role, boolean joinedNow) {
}
