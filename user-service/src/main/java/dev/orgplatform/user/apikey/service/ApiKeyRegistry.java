package dev.orgplatform.user.apikey.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.ApiKeyGrant;
import dev.orgplatform.user.apikey.ApiKey;

/**
 * Every live API key by the hash of its secret, in memory: verifying a key costs no database round trip.
 * Filled at start ({@link ApiKeyRegistryLoader}) and changed right after each committed create, rotate or
 * revoke. Uses are counted here and written back in batches ({@link ApiKeyUsageFlushJob}).
 */
@ApplicationScoped
public class ApiKeyRegistry {

    public record Use(UUID keyId, UUID organizationId, UUID userId, Instant lastUsedAt, long count) {
    }

    private final Map<String, ApiKeyGrant> byHash = new ConcurrentHashMap<>();
    private final Map<UUID, String> hashById = new ConcurrentHashMap<>();
    private final Map<UUID, Use> uses = new ConcurrentHashMap<>();

    public void put(ApiKey key) {
        String previous = hashById.put(key.id, key.secretHash);
        if (previous != null && !previous.equals(key.secretHash)) {
            byHash.remove(previous); // rotated: the old secret is dead at once
        }
        if (key.revokedAt != null) {
            remove(key.id);
            return;
        }
        byHash.put(key.secretHash, new ApiKeyGrant(key.id, key.userId, key.organizationId, List.of(key.scopes), key.expiresAt));
    }

    public void remove(UUID keyId) {
        String hash = hashById.remove(keyId);
        if (hash != null) {
            byHash.remove(hash);
        }
    }

    public void removeOrganization(UUID organizationId) {
        byHash.values().removeIf(g -> {
            if (g.organizationId().equals(organizationId)) {
                hashById.remove(g.keyId());
                return true;
            }
            return false;
        });
    }

    /** The grant of a live, unexpired key, counting the use; null otherwise. */
    public ApiKeyGrant use(String secretHash, Instant now) {
        ApiKeyGrant grant = byHash.get(secretHash);
        if (grant == null || !grant.expiresAt().isAfter(now)) {
            return null;
        }
        uses.merge(grant.keyId(), new Use(grant.keyId(), grant.organizationId(), grant.userId(), now, 1),
                (a, b) -> new Use(a.keyId(), a.organizationId(), a.userId(), b.lastUsedAt(), a.count() + 1));
        return grant;
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
