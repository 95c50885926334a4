package dev.orgplatform.deploy.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stands in for a service's outbox relay in tests that run without that service: sends its watermark (type
 * {@code OutboxWatermark}, {@code ce_time} taken before the send) to every partition of a topic every 200 ms, as the
 * relay does once its outbox is drained. A test that publishes the service's events itself sends them synchronously
 * and waits for the acknowledgement, so every watermark timed after that follows them.
 */
public final class StandInRelay {

    private static final String WATERMARK = "OutboxWatermark";
    private static StandInRelay running;
    private volatile boolean held;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stand-in-relay");
        t.setDaemon(true);
        return t;
    });

    private StandInRelay() {
    }

    /** Starts sending watermarks of {@code source} on {@code topic} for the rest of this JVM (once). */
    public static synchronized void start(String bootstrap, String topic, String source) {
        if (running != null) {
            return;
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        running = new StandInRelay();
        StandInRelay relay = running;
        relay.timer.scheduleWithFixedDelay(() -> {
            if (relay.held) {
                return;
            }
            try {
                String time = Instant.now().toString();
                for (PartitionInfo partition : producer.partitionsFor(topic)) {
                    ProducerRecord<String, String> r = new ProducerRecord<>(topic, partition.partition(), null, "{}");
                    Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", WATERMARK, "ce_source", source,
                            "ce_time", time, "content-type", "application/json")
                            .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                    producer.send(r).get(5, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // Kafka away for a moment: the consumers' view goes stale, as it would with the real relay
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** Holds the watermarks back (a relay that stopped, or Kafka out of reach) until {@link #release()}. */
    public static synchronized void hold() {
        running.held = true;
    }

    public static synchronized void release() {
        running.held = false;
    }
}
