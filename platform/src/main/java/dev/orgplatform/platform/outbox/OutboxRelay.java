package dev.orgplatform.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import dev.orgplatform.platform.events.EventEnvelope;
import dev.orgplatform.platform.events.Watermark;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes committed outbox rows to Kafka and deletes each once Kafka acknowledged it. One relay at a time per
 * database (advisory lock); {@link Outbox} serializes a key's writers, so row ids follow commit order per key and
 * the relay sends them in id order (the idempotent producer keeps that order per partition). Every event carries
 * its row id as {@code ce_sequence}, the version consumers compare.
 * <p>
 * A batch waits for the producer's own verdict on every row (it retries internally until
 * {@code delivery.timeout.ms}), so a row is sent again only after Kafka definitively refused it: during an outage
 * each row goes out at most once per delivery timeout, never once per tick. Failed attempts back off.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7267_6f7574L;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private static final long PARTITIONS_REREAD_NANOS = Duration.ofMinutes(1).toNanos();
    private static final Duration WATERMARK_TIMEOUT = Duration.ofSeconds(1);

    private record Outcome(OutboxMessage message, Throwable failure) {
    }

    private record Partitions(int count, long readAtNanos) {
    }

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final Duration verdictTimeout;
    private final Counter published;
    private final Counter failedSends;
    private volatile long resumeAtNanos;
    private volatile int failuresInARow;
    private volatile long failingSinceNanos;
    private final AtomicBoolean relaying = new AtomicBoolean();
    private final Vertx vertx;
    private final Duration pollInterval;
    private long timer = -1;
    private final List<String> watermarkTopics;
    private final long watermarkIntervalNanos;
    private final URI source;
    private final KafkaClientService kafka;
    private final Map<String, Partitions> partitions = new ConcurrentHashMap<>();
    private volatile long lastWatermarkNanos = System.nanoTime();

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel("platform-outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "platform.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "mp.messaging.outgoing.platform-outbox.delivery.timeout.ms", defaultValue = "30000") long deliveryTimeoutMs,
            @ConfigProperty(name = "platform.outbox.poll-interval", defaultValue = "0.1s") Duration pollInterval,
            @ConfigProperty(name = "platform.outbox.watermark.topics") Optional<List<String>> watermarkTopics,
            @ConfigProperty(name = "platform.outbox.watermark.interval", defaultValue = "0.25s") Duration watermarkInterval,
            @ConfigProperty(name = "quarkus.application.name") String application,
            KafkaClientService kafka, Vertx vertx, MeterRegistry metrics) {
        this.sessions = sessions;
        this.watermarkTopics = watermarkTopics.orElse(List.of());
        this.watermarkIntervalNanos = watermarkInterval.toNanos();
        this.source = URI.create("/" + application);
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.vertx = vertx;
        this.emitter = emitter;
        this.batchSize = batchSize;
        // the producer answers within its delivery timeout; the margin only guards against a verdict never coming
        this.verdictTimeout = Duration.ofMillis(deliveryTimeoutMs).plusSeconds(5);
        this.published = metrics.counter("platform.outbox.published");
        this.failedSends = metrics.counter("platform.outbox.send.failures");
    }

    /** A Vert.x timer, not {@code @Scheduled}: Quarkus' scheduler checks its triggers once a second at best. */
    void start(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(pollInterval.toMillis(), id -> relay());
    }

    /**
     * No new batch starts; one being sent is finished (sent, settled and committed) before the database goes away, so
     * a stopping replica leaves no batch half sent for another to send again. Waits at most 10 s (within the pod's
     * grace period): a batch Kafka does not answer stays in the outbox for another replica.
     */
    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        vertx.cancelTimer(timer);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (relaying.get() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
    }

    private void relay() {
        if (System.nanoTime() - resumeAtNanos < 0 || !relaying.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive wants a safe duplicated context of its own, as a request or a scheduled job has
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> publishPending()
                .onFailure().invoke(this::backOff)
                .onTermination().invoke(() -> relaying.set(false))
                .subscribe().with(sent -> { }, failure -> { }));
    }

    /** Publishes what is pending now; returns how many events went out (and were deleted). */
    public Uni<Integer> publishPending() {
        Instant readFrom = Instant.now(); // before the outbox is read: a watermark promises no more than this
        // one row when this replica holds the relay's lock; run for its row count, as Outbox's lock is
        return sessions.withTransaction(s -> s.createNativeQuery("select 1 where pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .executeUpdate()
                .chain(rows -> rows != 1 ? Uni.createFrom().item(0)
                        : s.createSelectionQuery("from OutboxMessage order by id", OutboxMessage.class)
                                .setMaxResults(batchSize).getResultList()
                                .chain(batch -> send(batch).chain(outcomes -> settle(s, outcomes)
                                        .call(() -> drained(batch, outcomes) ? watermarks(readFrom) : Uni.createFrom().voidItem())))));
    }

    /** Every event committed before the batch was read has gone out: nothing was left behind or refused. */
    private boolean drained(List<OutboxMessage> batch, List<Outcome> outcomes) {
        return batch.size() < batchSize && outcomes.stream().allMatch(o -> o.failure() == null);
    }

    /**
     * Once per interval, after a drained batch: a {@link Watermark} on every partition of the followed topics, sent
     * after the batch's events were acknowledged. A failed watermark only means consumers hear none this time (they
     * then fail closed); it never undoes the batch.
     */
    private Uni<Void> watermarks(Instant readFrom) {
        long now = System.nanoTime();
        if (watermarkTopics.isEmpty() || now - lastWatermarkNanos < watermarkIntervalNanos) {
            return Uni.createFrom().voidItem();
        }
        lastWatermarkNanos = now;
        Context context = Vertx.currentContext();
        List<Uni<Void>> sends = new ArrayList<>();
        for (String topic : watermarkTopics) {
            sends.add(partitionCount(topic).chain(count -> {
                List<Uni<Void>> each = new ArrayList<>();
                for (int p = 0; p < count; p++) {
                    each.add(watermark(topic, p, readFrom));
                }
                return each.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(each).andFailFast().replaceWithVoid();
            }));
        }
        // bounded well below the events' verdict: with Kafka away the relay must not sit on a watermark
        return Uni.join().all(sends).andFailFast().replaceWithVoid()
                .ifNoItem().after(WATERMARK_TIMEOUT).fail()
                .onFailure().invoke(e -> LOG.debugf("no watermark this time: %s", e.toString()))
                .onFailure().recoverWithNull()
                .emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<Void> watermark(String topic, int partition, Instant readFrom) {
        var ce = OutgoingCloudEventMetadata.<String> builder().withId(UUID.randomUUID().toString()).withType(Watermark.TYPE)
                .withSource(source).withTimestamp(readFrom.atZone(ZoneOffset.UTC))
                .withDataContentType(EventEnvelope.CONTENT_TYPE).build();
        var kafkaMetadata = OutgoingKafkaRecordMetadata.<String> builder().withTopic(topic).withPartition(partition).build();
        return emitter.sendMessage(Message.of("{}").addMetadata(ce).addMetadata(kafkaMetadata));
    }

    /** The topic's partition count, read again every minute (partitions may be added). */
    private Uni<Integer> partitionCount(String topic) {
        Partitions known = partitions.get(topic);
        if (known != null && System.nanoTime() - known.readAtNanos() < PARTITIONS_REREAD_NANOS) {
            return Uni.createFrom().item(known.count());
        }
        KafkaProducer<Object, Object> producer = kafka.getProducer("platform-outbox");
        if (producer == null) {
            return Uni.createFrom().item(0);
        }
        return producer.partitionsFor(topic).map(List::size)
                .invoke(count -> partitions.put(topic, new Partitions(count, System.nanoTime())));
    }

    private Uni<List<Outcome>> send(List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Context context = Vertx.currentContext();
        // all sent at once, in id order; each waits for its own acknowledgement or refusal
        List<Uni<Outcome>> sends = batch.stream().map(m -> send(m)
                .onItem().transform(ignored -> new Outcome(m, null))
                .onFailure().recoverWithItem(e -> new Outcome(m, e))).toList();
        return Uni.join().all(sends).andCollectFailures()
                .ifNoItem().after(verdictTimeout).fail()
                .emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<Void> send(OutboxMessage m) {
        var builder = OutgoingCloudEventMetadata.<String> builder()
                .withId(m.eventId).withType(m.type).withSource(URI.create(m.source)).withSubject(m.subject)
                .withTimestamp(m.occurredAt.atZone(ZoneOffset.UTC)).withDataContentType(EventEnvelope.CONTENT_TYPE)
                .withExtension(EventEnvelope.SEQUENCE, Long.toString(m.id));
        if (m.actor != null) {
            builder.withExtension(EventEnvelope.ACTOR, m.actor);
        }
        if (m.sourceAddress != null) {
            builder.withExtension(EventEnvelope.SOURCE_ADDRESS, m.sourceAddress);
        }
        var kafka = OutgoingKafkaRecordMetadata.<String> builder().withTopic(m.topic).withKey(m.organizationId.toString()).build();
        return emitter.sendMessage(Message.of(m.data).addMetadata(builder.build()).addMetadata(kafka));
    }

    /** Deletes what Kafka acknowledged; what it refused stays for a later attempt. */
    private Uni<Integer> settle(Mutiny.Session s, List<Outcome> outcomes) {
        List<Long> sent = new ArrayList<>();
        Throwable refusal = null;
        for (Outcome o : outcomes) {
            if (o.failure() == null) {
                sent.add(o.message().id);
            } else {
                refusal = o.failure();
            }
        }
        published.increment(sent.size());
        Uni<Integer> deleted = sent.isEmpty() ? Uni.createFrom().item(0)
                : s.createMutationQuery("delete from OutboxMessage where id in :ids").setParameter("ids", sent).executeUpdate();
        int refused = outcomes.size() - sent.size();
        Throwable why = refusal;
        return deleted.invoke(() -> {
            if (refused > 0) {
                failedSends.increment(refused);
                backOff(why);
            } else if (!outcomes.isEmpty()) {
                recovered();
            }
        });
    }

    private void backOff(Throwable why) {
        int n = ++failuresInARow;
        long delay = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(n, 6));
        resumeAtNanos = System.nanoTime() + delay * 1_000_000;
        if (n == 1) {
            failingSinceNanos = System.nanoTime();
            LOG.warnf("outbox relay cannot publish, retrying with backoff (events stay in the outbox): %s", why.toString());
        }
    }

    private void recovered() {
        if (failuresInARow > 0) {
            LOG.infof("outbox relay publishes again after %d s", (System.nanoTime() - failingSinceNanos) / 1_000_000_000);
            failuresInARow = 0;
        }
    }
}
