package dev.orgplatform.user.apikey.service;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.user.apikey.messaging.ApiKeyEvents;
import dev.orgplatform.user.apikey.repository.ApiKeyRepository;
import dev.orgplatform.user.config.ApiKeyConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Writes the API key uses counted in memory back as use counts, last-used times and ApiKeyUsed events (one per key
 * and interval, for the audit log), so the hot path of every keyed request never writes to the database. Every
 * replica writes back its own counts: the count is added to, the last use only moves forward. Scheduled
 * every {@link ApiKeyConfig#usageFlushInterval()} (programmatically: an annotation cannot read a typed default).
 */
@ApplicationScoped
public class ApiKeyUsageFlushJob {

    private final ApiKeyRegistry registry;
    private final ApiKeyRepository keys;
    private final Outbox outbox;
    private final ApiKeyConfig config;

    public ApiKeyUsageFlushJob(ApiKeyRegistry registry, ApiKeyRepository keys, Outbox outbox, ApiKeyConfig config) {
        this.registry = registry;
        this.keys = keys;
        this.outbox = outbox;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        scheduler.newJob(ApiKeyUsageFlushJob.class.getName()).setInterval(config.usageFlushInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setAsyncTask(execution -> flush()).schedule();
    }

    Uni<Void> flush() {
        List<ApiKeyRegistry.Use> uses = registry.drainUses();
        // counts that could not be written are added back for the next flush, never dropped
        return uses.isEmpty() ? Uni.createFrom().voidItem() : record(uses).onFailure().invoke(() -> uses.forEach(registry::restoreUse));
    }

    /**
     * In one order on every replica (organization, then key), each organization's outbox lock before its keys'
     * rows, as the other writers of keys take them: concurrent flushes and rotations never deadlock.
     */
    @WithTransaction
    Uni<Void> record(List<ApiKeyRegistry.Use> uses) {
        List<ApiKeyRegistry.Use> ordered = uses.stream()
                .sorted(Comparator.comparing(ApiKeyRegistry.Use::organizationId).thenComparing(ApiKeyRegistry.Use::keyId)).toList();
        return Multi.createFrom().iterable(ordered).onItem().transformToUniAndConcatenate(u -> outbox.publish(ApiKeyEvents.TOPIC,
                "ApiKeyUsed", u.organizationId(), "api-keys/" + u.keyId(),
                new ApiKeyEvents.ApiKeyUsed(u.keyId(), u.organizationId(), u.userId(), u.count(), u.lastUsedAt()))
                .chain(() -> keys.recordUse(u.keyId(), u.count(), u.lastUsedAt())))
                .collect().last().replaceWithVoid();
    }
}
