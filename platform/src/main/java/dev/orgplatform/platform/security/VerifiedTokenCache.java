package dev.orgplatform.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Identities of verified tokens until each token's expiry: looked up by the whole token (equal strings only, so a
 * token differing in one character is not found), bounded (when full, the expired ones go; if none has expired,
 * nothing more is remembered until some have).
 */
public final class VerifiedTokenCache {

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final LongSupplier nowSecond;

    public VerifiedTokenCache(int capacity, LongSupplier nowSecond) {
        this.capacity = capacity;
        this.nowSecond = nowSecond;
    }

    /** The identity of this token while it has not expired, else null. */
    public SecurityIdentity get(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.expiresAtSecond() <= nowSecond.getAsLong()) {
            verified.remove(token, known);
            return null;
        }
        return known.identity();
    }

    public void remember(String token, SecurityIdentity identity, long expiresAtSecond) {
        long now = nowSecond.getAsLong();
        if (expiresAtSecond <= now) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(v -> v.expiresAtSecond() <= now);
            if (verified.size() >= capacity) {
                return;
            }
        }
        verified.put(token, new Verified(identity, expiresAtSecond));
    }

    public int size() {
        return verified.size();
    }
}
