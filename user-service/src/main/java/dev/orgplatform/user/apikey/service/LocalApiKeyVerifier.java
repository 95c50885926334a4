package dev.orgplatform.user.apikey.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.ApiKeyGrant;
import dev.orgplatform.platform.security.ApiKeyVerifier;
import io.smallrye.mutiny.Uni;

/** Inside user-service a key is verified against the in-memory registry, not by calling itself. */
@ApplicationScoped
public class LocalApiKeyVerifier implements ApiKeyVerifier {

    private final ApiKeyRegistry registry;
    private final PlatformClock clock;

    public LocalApiKeyVerifier(ApiKeyRegistry registry, PlatformClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Uni<ApiKeyGrant> verify(String secretHash) {
        return Uni.createFrom().item(registry.use(secretHash, clock.now()));
    }
}
