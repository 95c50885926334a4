package dev.orgplatform.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a valid API key lets its caller do: act as its owner, in its one organization (and beneath), within
 * its scopes ({@code read}, {@code write} or permission names).
 */
public record ApiKeyGrant(UUID keyId, UUID userId, UUID organizationId, List<String> scopes, Instant expiresAt) {

    /** Whether the key's scopes cover {@code permission}: read covers *:read, write covers reads and writes. */
    public boolean covers(String permission) {
        for (String scope : scopes) {
            if (scope.equals(permission)
                    || scope.equals("read") && permission.endsWith(":read")
                    || scope.equals("write") && (permission.endsWith(":read") || permission.endsWith(":write"))) {
                return true;
            }
        }
        return false;
    }
}
