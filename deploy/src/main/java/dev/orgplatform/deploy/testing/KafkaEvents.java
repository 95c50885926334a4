package dev.orgplatform.deploy.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes CloudEvents records on the test stack's Kafka, as another platform service would. */
public final class KafkaEvents {

    private final String bootstrap;

    /** Test sequences start above any a service's outbox reaches in a test run. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    public KafkaEvents(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Waits up to {@code timeout} for a record of {@code topic} that matches, reading the topic from its start. */
    public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitAll(topic, match, 1, timeout);
        return found.get(0);
    }

    /** Waits until at least {@code count} matching records were seen; returns every match seen by then. */
    public List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> match, int count,
            Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        matches.add(r);
                    }
                }
                if (matches.size() >= count) {
                    return matches;
                }
            }
        }
        throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + timeout + ", saw "
                + matches.size());
    }

    /** How many records of {@code topic} match after reading it from its start for {@code window}. */
    public int countWithin(String topic, Predicate<ConsumerRecord<String, String>> match, Duration window) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-counter-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(window);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    count += match.test(r) ? 1 : 0;
                }
            }
        }
        return count;
    }

    /** Sends a record again with the same key, value and headers: what a redelivery looks like to a consumer. */
    public void redeliver(ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                record.headers());
        send(copy);
    }

    /**
     * Publishes a CloudEvent in binary mode, keyed by organization id, with a sequence above every earlier one (as an
     * owning service's outbox would number it).
     */
    public void publish(String topic, UUID organizationId, String id, String type, String source, String json) {
        publish(topic, organizationId, id, type, source, json, SEQUENCE.incrementAndGet());
    }

    /** Publishes with a chosen ce_sequence: how a test replays an older version of a fact. */
    public void publish(String topic, UUID organizationId, String id, String type, String source, String json, long sequence) {
        send(cloudEvent(topic, organizationId, id, type, source, json, sequence));
    }

    /**
     * Writes a CloudEvent of {@code topic} straight to a consumer's dead-letter topic ({@code dead-letter-<service>-<channel>}),
     * with the headers SmallRye's failure strategy adds: what a consumer that once failed on it for good leaves behind.
     */
    public void publishDeadLetter(String deadLetterTopic, String topic, UUID organizationId, String id, String type, String source,
            String json) {
        ProducerRecord<String, String> r = cloudEvent(deadLetterTopic, organizationId, id, type, source, json,
                SEQUENCE.incrementAndGet());
        r.headers().add("dead-letter-topic", topic.getBytes(StandardCharsets.UTF_8));
        r.headers().add("dead-letter-reason", "unknown schema".getBytes(StandardCharsets.UTF_8));
        send(r);
    }

    private static ProducerRecord<String, String> cloudEvent(String topic, UUID organizationId, String id, String type,
            String source, String json, long sequence) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, organizationId.toString(), json);
        for (Map.Entry<String, String> h : Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source,
                "ce_time", Instant.now().toString(), "content-type", "application/json",
                "ce_sequence", Long.toString(sequence)).entrySet()) {
            r.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /** The committed offset of {@code group} on every partition of {@code topic}, summed; 0 if none. */
    public long committedOffset(String group, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition()))
                    .collect(java.util.stream.Collectors.toSet());
            return consumer.committed(partitions).values().stream().filter(java.util.Objects::nonNull)
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    /** The end offset of {@code topic}, summed over partitions. */
    public long endOffset(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void send(ProducerRecord<String, String> record) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // bounded: while Kafka is down a send fails within 30 s instead of the client's default of minutes
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(45, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }
}
