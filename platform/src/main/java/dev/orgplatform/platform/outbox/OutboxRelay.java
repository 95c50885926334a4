package dev.orgplatform.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import dev.orgplatform.platform.events.EventEnvelope;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes committed outbox rows to Kafka in commit order and deletes them once Kafka acknowledged.
 * One relay at a time per database (advisory lock) keeps per-organization order; a failed batch is retried
 * on the next tick, so delivery is at least once and consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7267_6f7574L;

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final Duration sendTimeout;

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel("platform-outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "platform.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "platform.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    @Scheduled(every = "${platform.outbox.poll-interval:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return publishPending().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("outbox relay will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Publishes what is pending now; returns how many events went out. */
    public Uni<Integer> publishPending() {
        return sessions.withTransaction(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(0)
                        : s.createSelectionQuery("from OutboxMessage order by id", OutboxMessage.class)
                                .setMaxResults(batchSize).getResultList()
                                .chain(batch -> send(batch).chain(() -> delete(s, batch)))));
    }

    private Uni<Void> send(List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        // sent in order without waiting for each ack: the producer keeps order per partition
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid()
                .ifNoItem().after(sendTimeout).fail()
                .emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<Void> send(OutboxMessage m) {
        var builder = OutgoingCloudEventMetadata.<String> builder()
                .withId(m.eventId).withType(m.type).withSource(URI.create(m.source)).withSubject(m.subject)
                .withTimestamp(m.occurredAt.atZone(ZoneOffset.UTC)).withDataContentType(EventEnvelope.CONTENT_TYPE);
        if (m.actor != null) {
            builder.withExtension(EventEnvelope.ACTOR, m.actor);
        }
        if (m.sourceAddress != null) {
            builder.withExtension(EventEnvelope.SOURCE_ADDRESS, m.sourceAddress);
        }
        var cloudEvent = builder.build();
        var kafka = OutgoingKafkaRecordMetadata.<String> builder().withTopic(m.topic).withKey(m.organizationId.toString()).build();
        return emitter.sendMessage(Message.of(m.data).addMetadata(cloudEvent).addMetadata(kafka));
    }

    private Uni<Integer> delete(Mutiny.Session s, List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Long> ids = batch.stream().map(m -> m.id).toList();
        return s.createMutationQuery("delete from OutboxMessage where id in :ids").setParameter("ids", ids).executeUpdate()
                .replaceWith(batch.size());
    }
}
