package dev.orgplatform.user.apikey.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.ApiKeyGrant;

/**
 * Every live API key by the hash of its secret, in memory: verifying a key costs no database round trip.
 * Written only by the access change feed (loaded at start, then every create, rotation, revocation and purge any
 * replica commits). Uses are counted here and written back in batches ({@link ApiKeyUsageFlushJob}).
 */
@ApplicationScoped
public class ApiKeyRegistry {

    public record Use(UUID keyId, UUID organizationId, UUID userId, Instant lastUsedAt, long count) {
    }

    private final Map<String, ApiKeyGrant> byHash = new ConcurrentHashMap<>();
    private final Map<UUID, String> hashById = new ConcurrentHashMap<>();
    private final Map<UUID, Use> uses = new ConcurrentHashMap<>();

    public void put(String secretHash, ApiKeyGrant grant) {
        String previous = hashById.put(grant.keyId(), secretHash);
        if (previous != null && !previous.equals(secretHash)) {
            byHash.remove(previous); // rotated: the old secret is dead at once
        }
        byHash.put(secretHash, grant);
    }

    public void remove(UUID keyId) {
        String hash = hashById.remove(keyId);
        if (hash != null) {
            byHash.remove(hash);
        }
    }

    /** Before a full reload (the uses counted stay: they are still to be written back). */
    public void clear() {
        byHash.clear();
        hashById.clear();
    }

    /** The grant of a live, unexpired key; null otherwise. */
    public ApiKeyGrant grant(String secretHash, Instant now) {
        ApiKeyGrant grant = byHash.get(secretHash);
        return grant == null || !grant.expiresAt().isAfter(now) ? null : grant;
    }

    public void countUse(ApiKeyGrant grant, Instant now) {
        uses.merge(grant.keyId(), new Use(grant.keyId(), grant.organizationId(), grant.userId(), now, 1),
                (a, b) -> new Use(a.keyId(), a.organizationId(), a.userId(), b.lastUsedAt(), a.count() + 1));
    }

    /** Puts back uses taken by {@link #drainUses()} that could not be written back. */
    public void restoreUse(Use use) {
        uses.merge(use.keyId(), use, (current, restored) -> new Use(current.keyId(), current.organizationId(), current.userId(),
                current.lastUsedAt().isAfter(restored.lastUsedAt()) ? current.lastUsedAt() : restored.lastUsedAt(),
                current.count() + restored.count()));
    }

    /** Takes the uses counted since the last call. */
    public List<Use> drainUses() {
        List<Use> drained = new ArrayList<>();
        for (UUID id : List.copyOf(uses.keySet())) {
            Use u = uses.remove(id);
            if (u != null) {
                drained.add(u);
            }
        }
        return drained;
    }
}
