package dev.orgplatform.user.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Secrets;
import dev.orgplatform.user.ApiKey;
import dev.orgplatform.user.messaging.ApiKeyEvents;
import dev.orgplatform.user.repository.ApiKeyPolicyRepository;
import dev.orgplatform.user.repository.ApiKeyRepository;
import dev.orgplatform.user.rest.CreateApiKeyRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Personal API keys: created by a member for one organization, holding one of its API-key seats at
 * billing-service, acting with the owner's rights narrowed by the key's scopes.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    static final int DEFAULT_LIFETIME_DAYS = 90;

    /** A created or rotated key with its secret, which exists nowhere else. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final ApiKeyPolicyRepository policies;
    private final ApiKeyRegistry registry;
    private final AccessPolicy access;
    private final Quotas quotas;
    private final Outbox outbox;
    private final PlatformClock clock;

    public ApiKeyService(ApiKeyRepository keys, ApiKeyPolicyRepository policies, ApiKeyRegistry registry, AccessPolicy access,
            Quotas quotas, Outbox outbox, PlatformClock clock) {
        this.keys = keys;
        this.policies = policies;
        this.registry = registry;
        this.access = access;
        this.quotas = quotas;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code asMember} is the caller's organization:read question: any member may make keys for themself. */
    public Uni<IssuedKey> create(AccessQuery asMember, CreateApiKeyRequest request) {
        if (asMember.apiKey() != null) {
            return Uni.createFrom().failure(ProblemException.forbidden("an API key cannot create API keys"));
        }
        UUID id = UUID.randomUUID();
        UUID organizationId = asMember.organizationId();
        return access.require(asMember)
                .chain(() -> lifetime(organizationId, request.expiresIn()))
                .chain(days -> quotas.reserve(organizationId, "apiKeys", "apikey:" + id)
                        .chain(reservation -> record(id, asMember.userId(), organizationId, request, days, reservation)
                                .onFailure().call(() -> quotas.release(organizationId, reservation).onFailure().recoverWithNull())
                                .call(issued -> quotas.commit(organizationId, reservation))))
                .invoke(issued -> registry.put(issued.key()));
    }

    /** The caller's own keys, or every key of the organization for those who manage keys there. */
    @WithSession
    public Uni<Page<ApiKey>> list(AccessQuery asMember, AccessQuery asManager, Integer limit, String cursor) {
        int size = Cursor.limit(limit, 50, 200);
        return access.require(asMember).chain(() -> access.check(asManager)).chain(manager -> {
            StringBuilder where = new StringBuilder("organizationId = :org");
            var params = io.quarkus.panache.common.Parameters.with("org", asMember.organizationId());
            if (!manager.allowed()) {
                where.append(" and userId = :user");
                params.and("user", asMember.userId());
            }
            if (cursor != null) {
                List<String> at = Cursor.decode(cursor, 2);
                where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
                params.and("at", Instant.parse(at.get(0))).and("id", UUID.fromString(at.get(1)));
            }
            return keys.find(where + " order by createdAt, id", params).range(0, size).list()
                    .map(rows -> Page.of(rows, size, k -> Cursor.encode(k.createdAt.toString(), k.id.toString())));
        });
    }

    /** The owner of a key may revoke it, and so may whoever manages keys in its organization. */
    public Uni<ApiKey> revoke(AccessQuery asManager, UUID keyId) {
        return owned(asManager, keyId).chain(key -> markRevoked(key.id))
                .invoke(key -> registry.remove(key.id))
                .call(key -> quotas.release(key.organizationId, key.reservationId).onFailure().invoke(e -> LOG.warnf(
                        "API key %s revoked but its seat was not released yet: %s", key.id, e.toString())).onFailure().recoverWithNull());
    }

    /** A new secret for the same key; the old one stops working at once. */
    public Uni<IssuedKey> rotate(AccessQuery asManager, UUID keyId) {
        return owned(asManager, keyId).chain(key -> newSecret(key.id)).invoke(issued -> registry.put(issued.key()));
    }

    private Uni<ApiKey> owned(AccessQuery asManager, UUID keyId) {
        if (asManager.apiKey() != null) {
            return Uni.createFrom().failure(ProblemException.forbidden("an API key cannot manage API keys"));
        }
        return find(keyId, asManager.organizationId()).chain(key -> key.userId.equals(asManager.userId())
                ? access.require(new AccessQuery(asManager.userId(), key.organizationId, "organization:read", null, asManager.secondFactor()))
                        .replaceWith(key)
                : access.require(asManager).replaceWith(key));
    }

    @WithSession
    Uni<ApiKey> find(UUID keyId, UUID organizationId) {
        return keys.findById(keyId).map(k -> {
            if (k == null || !k.organizationId.equals(organizationId) || k.revokedAt != null) {
                throw ProblemException.notFound("API key " + keyId);
            }
            return k;
        });
    }

    @WithSession
    Uni<Integer> lifetime(UUID organizationId, String expiresIn) {
        return policies.effectiveMaxLifetimeDays(organizationId).map(cap -> {
            if (expiresIn == null) {
                return cap == null ? DEFAULT_LIFETIME_DAYS : Math.min(cap, DEFAULT_LIFETIME_DAYS);
            }
            int days = Integer.parseInt(expiresIn.substring(0, expiresIn.length() - 1));
            if (cap != null && days > cap) {
                throw ProblemException.badField("expiresIn", "exceeds the organization's maximum API key lifetime of " + cap + "d");
            }
            return days;
        });
    }

    @WithTransaction
    Uni<IssuedKey> record(UUID id, UUID owner, UUID organizationId, CreateApiKeyRequest request, int days, UUID reservation) {
        String secret = Secrets.generate(dev.orgplatform.platform.security.ApiKeyAuthentication.PREFIX);
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
                .call(saved -> outbox.publish(ApiKeyEvents.TOPIC, "ApiKeyCreated", organizationId, "api-keys/" + id,
                        new ApiKeyEvents.ApiKeyCreated(id, organizationId, owner, k.name, List.of(k.scopes), k.expiresAt)))
                .map(saved -> new IssuedKey(saved, secret));
    }

    @WithTransaction
    Uni<ApiKey> markRevoked(UUID keyId) {
        return keys.findById(keyId).call(k -> {
            k.revokedAt = clock.now();
            return outbox.publish(ApiKeyEvents.TOPIC, "ApiKeyRevoked", k.organizationId, "api-keys/" + k.id,
                    new ApiKeyEvents.ApiKeyRevoked(k.id, k.organizationId, k.userId, k.reservationId));
        });
    }

    @WithTransaction
    Uni<IssuedKey> newSecret(UUID keyId) {
        String secret = Secrets.generate(dev.orgplatform.platform.security.ApiKeyAuthentication.PREFIX);
        return keys.findById(keyId).call(k -> {
            k.secretHash = Secrets.hash(secret);
            k.displayPrefix = secret.substring(0, 10);
            return outbox.publish(ApiKeyEvents.TOPIC, "ApiKeyRotated", k.organizationId, "api-keys/" + k.id,
                    new ApiKeyEvents.ApiKeyRotated(k.id, k.organizationId, k.userId));
        }).map(k -> new IssuedKey(k, secret));
    }
}
