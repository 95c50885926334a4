package dev.orgplatform.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends every record of a dead-letter topic back to the topic it came from (SmallRye's {@code dead-letter-topic}
 * header), with its key, value and CloudEvents headers, so the consumers process it again once what made it fail is
 * fixed. Consumers deduplicate by event id and apply a fact only if its sequence is newer, so a re-drive repeats
 * nothing already applied. Progress is the offset of one consumer group: each dead letter is re-driven once, and a
 * record is committed only after the broker acknowledged its copy.
 * <p>
 * Needs only kafka-clients, so it runs from any service's image (in Kubernetes, as a one-off pod; see README) as well
 * as from {@code deploy/stack redrive}:
 * {@code java -cp '/deployments/lib/main/*' dev.orgplatform.platform.events.DeadLetterRedrive <dead-letter-topic>
 * [--bootstrap host:port] [--dry-run]}, the bootstrap servers by default from {@code KAFKA_BOOTSTRAP_SERVERS}, other
 * client settings (SASL) from the other {@code KAFKA_*} variables ({@link KafkaClientSettings}).
 */
public final class DeadLetterRedrive {

    public static final String GROUP = "orgplatform-dead-letter-redrive";
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";

    private final String bootstrap;

    public DeadLetterRedrive(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) {
        String topic = null;
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--bootstrap" -> bootstrap = i + 1 < args.length ? args[++i] : null;
                default -> topic = args[i].startsWith("--") ? null : args[i];
            }
        }
        if (topic == null || bootstrap == null || bootstrap.isBlank()) {
            System.err.println("usage: DeadLetterRedrive <dead-letter-topic> [--bootstrap host:port] [--dry-run]"
                    + " (bootstrap servers by default from KAFKA_BOOTSTRAP_SERVERS)");
            System.exit(2);
        }
        System.exit(run(topic, bootstrap, dryRun));
    }

    /** Re-drives and reports on the console; 0 when it went through, 1 when it failed (said on stderr). */
    public static int run(String deadLetterTopic, String bootstrap, boolean dryRun) {
        try {
            Map<String, Integer> counts = new DeadLetterRedrive(bootstrap).redrive(deadLetterTopic, dryRun);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println((dryRun ? "would re-drive " : "re-drove ") + total + " record(s) of " + deadLetterTopic
                    + (counts.isEmpty() ? "" : " " + counts));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("redrive failed: " + e.getMessage());
            return 1;
        }
    }

    /** Re-drives (or with {@code dryRun} only lists) the records not re-driven before; returns the count per target topic. */
    public Map<String, Integer> redrive(String deadLetterTopic, boolean dryRun) {
        Map<String, Integer> perTopic = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + deadLetterTopic);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata from = committed.get(tp);
                if (from == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, from.offset());
                }
            }
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // dead-lettered after the re-drive began: left for the next one
                    }
                    String target = header(r, ORIGINAL_TOPIC);
                    if (target == null) {
                        System.err.printf("skipped %s-%d@%d: no %s header%n", r.topic(), r.partition(), r.offset(), ORIGINAL_TOPIC);
                    } else {
                        System.out.printf("%s %s-%d@%d -> %s (%s, reason: %s)%n", dryRun ? "would re-drive" : "re-drive",
                                r.topic(), r.partition(), r.offset(), target, header(r, "ce_type"), header(r, "dead-letter-reason"));
                        if (!dryRun) {
                            acknowledged(producer.send(copy(r, target)));
                        }
                        perTopic.merge(target, 1, Integer::sum);
                    }
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                }
                if (!dryRun && !done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        }
        return perTopic;
    }

    private static ProducerRecord<String, String> copy(ConsumerRecord<String, String> r, String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            if (!h.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(h);
            }
        }
        return new ProducerRecord<>(target, null, r.key(), r.value(), headers);
    }

    private static void acknowledged(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a re-driven record: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = KafkaClientSettings.fromEnvironment(System.getenv());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties p = KafkaClientSettings.fromEnvironment(System.getenv());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
