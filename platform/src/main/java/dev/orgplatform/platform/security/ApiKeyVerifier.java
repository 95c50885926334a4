package dev.orgplatform.platform.security;

import io.smallrye.mutiny.Uni;

/** Turns the hash of a presented API key into its grant, or null when the key is unknown, revoked or expired. */
public interface ApiKeyVerifier {

    Uni<ApiKeyGrant> verify(String secretHash);
}
