package dev.orgplatform.user.apikey.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.ApiKeyAuthentication;
import dev.orgplatform.platform.security.Secrets;
import dev.orgplatform.user.access.StrictestSecurity;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.apikey.ApiKey;
import dev.orgplatform.user.apikey.ApiKeyScopes;
import dev.orgplatform.user.apikey.ApiKeyLifetime;
import dev.orgplatform.user.apikey.messaging.ApiKeyEvents;
import dev.orgplatform.user.apikey.repository.ApiKeyPolicyRepository;
import dev.orgplatform.user.apikey.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Personal API keys: created by a member for one organization, holding one of its API-key seats at
 * billing-service, acting with the owner's rights narrowed by the key's scopes. Who may do what is asked at the
 * gate before these are called.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);

    /** A created or rotated key with its secret, which exists nowhere else. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final ApiKeyPolicyRepository policies;
    private final AccessChangeFeed feed;
    private final Quotas quotas;
    private final Outbox outbox;
    private final PlatformClock clock;

    public ApiKeyService(ApiKeyRepository keys, ApiKeyPolicyRepository policies, AccessChangeFeed feed, Quotas quotas,
            Outbox outbox, PlatformClock clock) {
        this.keys = keys;
        this.policies = policies;
        this.feed = feed;
        this.quotas = quotas;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A key of {@code owner} for the organization; its seat is reserved before and committed after the key's commit.
     * It answers once this replica's registry has the key (every other replica finds an unknown key by polling).
     */
    public Uni<IssuedKey> create(UUID organizationId, UUID owner, NewApiKey request) {
        ApiKeyScopes.requireKnown(request.scopes());
        UUID id = UUID.randomUUID();
        return lifetime(organizationId, request.expiresInDays())
                .chain(days -> quotas.hold(organizationId, ReservationKeys.API_KEYS, ReservationKeys.apiKey(id),
                        reservation -> record(id, owner, organizationId, request, days, reservation)))
                .call(feed::awaitApplied);
    }

    /** The organization's keys, only {@code owner}'s when it is not null. */
    @WithSession
    public Uni<Page<ApiKey>> list(UUID organizationId, UUID owner, int limit, String cursor) {
        return keys.page(organizationId, owner, Cursor.decodeTimeAndId(cursor), limit + 1)
                .map(rows -> Page.of(rows, limit, k -> Cursor.encode(k.createdAt, k.id)));
    }

    /** A live key of the organization, or 404. */
    @WithSession
    public Uni<ApiKey> find(UUID keyId, UUID organizationId) {
        return keys.findById(keyId).map(k -> {
            if (k == null || !k.organizationId.equals(organizationId) || k.revokedAt != null) {
                throw ProblemException.notFound("API key " + keyId);
            }
            return k;
        });
    }

    /** Dead at once (on every replica within the staleness bound); its seat is released after the commit (logged, not failed, when billing-service is down). */
    public Uni<ApiKey> revoke(ApiKey key) {
        return markRevoked(key.id)
                .call(feed::awaitApplied)
                .call(revoked -> quotas.release(revoked.organizationId, revoked.reservationId).onFailure().invoke(e -> LOG.warnf(
                        "API key %s revoked but its seat was not released yet: %s", revoked.id, e.toString())).onFailure().recoverWithNull());
    }

    /**
     * Revokes every live key of {@code userId} in the organization (a member removed from it), each with its
     * ApiKeyRevoked event, from which billing-service gives the key's seat back. Runs inside the caller's transaction,
     * after the caller's own outbox row: the organization's outbox lock before the keys' rows, as every key writer.
     */
    public Uni<Integer> revokeAllOf(UUID organizationId, UUID userId) {
        return keys.liveOf(organizationId, userId).chain(live -> Multi.createFrom().iterable(live)
                .onItem().transformToUniAndConcatenate(k -> publishRevoked(k).invoke(() -> k.revokedAt = clock.now()))
                .collect().asList().map(List::size));
    }

    /** A new secret for the same key; the old one stops working at once. */
    public Uni<IssuedKey> rotate(ApiKey key) {
        return newSecret(key.id).call(feed::awaitApplied);
    }

    @WithSession
    Uni<Integer> lifetime(UUID organizationId, Integer requestedDays) {
        return policies.capsUpTheTree(organizationId).map(caps -> {
            StrictestSecurity security = StrictestSecurity.NONE;
            for (Integer cap : caps) {
                security = security.and(false, cap);
            }
            return ApiKeyLifetime.days(requestedDays, security.maxApiKeyLifetimeDays());
        });
    }

    @WithTransaction
    Uni<IssuedKey> record(UUID id, UUID owner, UUID organizationId, NewApiKey request, int days, UUID reservation) {
        String secret = Secrets.generate(ApiKeyAuthentication.PREFIX);
        ApiKey k = new ApiKey();
        k.id = id;
        k.organizationId = organizationId;
        k.userId = owner;
        k.name = request.name();
        k.displayPrefix = secret.substring(0, 10);
        k.secretHash = Secrets.hash(secret);
        k.scopes = request.scopes().stream().distinct().toArray(String[]::new);
        k.reservationId = reservation;
        k.createdAt = clock.now();
        k.expiresAt = k.createdAt.plus(Duration.ofDays(days));
        return keys.persist(k)
                .call(saved -> outbox.publish(ApiKeyEvents.TOPIC, EventTypes.API_KEY_CREATED, organizationId, "api-keys/" + id,
                        new ApiKeyEvents.ApiKeyCreated(id, organizationId, owner, k.name, List.of(k.scopes), k.expiresAt, reservation)))
                .map(saved -> new IssuedKey(saved, secret));
    }

    // the organization's outbox lock before the key's row, as every writer of keys takes them: no deadlock
    @WithTransaction
    Uni<ApiKey> markRevoked(UUID keyId) {
        return keys.findById(keyId)
                .call(this::publishRevoked)
                .invoke(k -> k.revokedAt = clock.now());
    }

    @WithTransaction
    Uni<IssuedKey> newSecret(UUID keyId) {
        String secret = Secrets.generate(ApiKeyAuthentication.PREFIX);
        return keys.findById(keyId)
                .call(k -> outbox.publish(ApiKeyEvents.TOPIC, EventTypes.API_KEY_ROTATED, k.organizationId, "api-keys/" + k.id,
                        new ApiKeyEvents.ApiKeyRotated(k.id, k.organizationId, k.userId)))
                .map(k -> {
                    k.secretHash = Secrets.hash(secret);
                    k.displayPrefix = secret.substring(0, 10);
                    return new IssuedKey(k, secret);
                });
    }

    /** The key's ApiKeyRevoked, naming its seat (billing-service gives it back from this event). */
    private Uni<Void> publishRevoked(ApiKey k) {
        return outbox.publish(ApiKeyEvents.TOPIC, EventTypes.API_KEY_REVOKED, k.organizationId, "api-keys/" + k.id,
                new ApiKeyEvents.ApiKeyRevoked(k.id, k.organizationId, k.userId, k.reservationId));
    }
}
