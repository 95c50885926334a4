package dev.orgplatform.user.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.user.messaging.ApiKeyEvents;
import dev.orgplatform.user.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Writes the API key uses counted in memory back as last-used times and ApiKeyUsed events (one per key and
 * interval, for the audit log), so the hot path of every keyed request never writes to the database.
 */
@ApplicationScoped
public class ApiKeyUsageFlushJob {

    private final ApiKeyRegistry registry;
    private final ApiKeyRepository keys;
    private final Outbox outbox;

    public ApiKeyUsageFlushJob(ApiKeyRegistry registry, ApiKeyRepository keys, Outbox outbox) {
        this.registry = registry;
        this.keys = keys;
        this.outbox = outbox;
    }

    @Scheduled(every = "${user.api-keys.usage-flush-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> flush() {
        List<ApiKeyRegistry.Use> uses = registry.drainUses();
        return uses.isEmpty() ? Uni.createFrom().voidItem() : record(uses);
    }

    @WithTransaction
    Uni<Void> record(List<ApiKeyRegistry.Use> uses) {
        return Multi.createFrom().iterable(uses).onItem().transformToUniAndConcatenate(u -> keys
                .update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", u.lastUsedAt(), u.keyId())
                .chain(() -> outbox.publish(ApiKeyEvents.TOPIC, "ApiKeyUsed", u.organizationId(), "api-keys/" + u.keyId(),
                        new ApiKeyEvents.ApiKeyUsed(u.keyId(), u.organizationId(), u.userId(), u.count(), u.lastUsedAt()))))
                .collect().last().replaceWithVoid();
    }
}
