package dev.orgplatform.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.client.DependencyCalls;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * Asks user-service, remembering each answer for at most {@code platform.api-keys.cache-ttl} (default
 * 0.5 s): a busy key costs two calls a second, and a revocation holds everywhere within a second (this cache plus
 * user-service's own change feed).
 */
@DefaultBean
@ApplicationScoped
public class RemoteApiKeyVerifier implements ApiKeyVerifier {

    private record Cached(ApiKeyGrant grant, long until) {
    }

    private final ApiKeyApi api;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RemoteApiKeyVerifier(@RestClient ApiKeyApi api,
            @ConfigProperty(name = "platform.api-keys.cache-ttl", defaultValue = "0.5s") Duration ttl) {
        this.api = api;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Uni<ApiKeyGrant> verify(String secretHash) {
        long now = System.nanoTime();
        Cached hit = cache.get(secretHash);
        if (hit != null && hit.until() - now > 0) {
            return Uni.createFrom().item(hit.grant());
        }
        if (cache.size() > 100_000) {
            cache.clear(); // bounded: a flood of random keys must not grow memory
        }
        return DependencyCalls.guard(api.verify(new ApiKeyApi.VerifyRequest(secretHash)), "user-service", Duration.ofSeconds(2))
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404).recoverWithNull()
                .invoke(grant -> {
                    if (grant != null) { // an unknown key is asked again: it may have been created a moment ago
                        cache.put(secretHash, new Cached(grant, System.nanoTime() + ttlNanos));
                    }
                });
    }
}
