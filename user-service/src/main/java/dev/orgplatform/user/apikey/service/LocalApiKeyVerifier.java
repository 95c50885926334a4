package dev.orgplatform.user.apikey.service;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.ApiKeyGrant;
import dev.orgplatform.platform.security.ApiKeyVerifier;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.access.service.AccessView;
import io.smallrye.mutiny.Uni;

/**
 * Inside user-service a key is verified against the in-memory registry, not by calling itself. A key found live in
 * a current view stands; an unknown (or refused) one is looked up again after a fresh poll of the change feed, so
 * a key created on any replica works here at once. Expiry is decided now, by the clock; a key of an organization
 * that is pending deletion (or gone) works no more.
 */
@ApplicationScoped
public class LocalApiKeyVerifier implements ApiKeyVerifier {

    private final ApiKeyRegistry registry;
    private final AccessView view;
    private final AccessChangeFeed feed;
    private final PlatformClock clock;

    public LocalApiKeyVerifier(ApiKeyRegistry registry, AccessView view, AccessChangeFeed feed, PlatformClock clock) {
        this.registry = registry;
        this.view = view;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public Uni<ApiKeyGrant> verify(String secretHash) {
        return feed.answer(() -> live(secretHash, clock.now()), Objects::nonNull).invoke(grant -> {
            if (grant != null) {
                registry.countUse(grant, clock.now());
            }
        });
    }

    private ApiKeyGrant live(String secretHash, Instant now) {
        ApiKeyGrant grant = registry.grant(secretHash, now);
        return grant != null && view.available(grant.organizationId()) ? grant : null;
    }
}
