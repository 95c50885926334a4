package dev.orgplatform.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orgplatform.deploy.testing.KafkaEvents;

/** A topic read whole, to count what the services published: records, distinct event ids, duplicates. */
final class Topics {

    /** How many records and distinct {@code ce_id}s matched, per subject (what the records are about). */
    record Tally(Map<String, Long> records, Map<String, Long> distinctIds) {

        long duplicates() {
            return records.values().stream().mapToLong(Long::longValue).sum() - distinctIds.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Topics() {
    }

    /** Every record of {@code topic} from its start up to its end at the time of the call. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Records of {@code topic} of event type {@code type}, tallied per {@code subject} of each ({@code ce_subject}
     * is e.g. {@code organizations/<id>}); records whose subject {@code which} rejects are left out.
     */
    static Tally tally(String bootstrap, String topic, String type, Predicate<String> which) {
        List<ConsumerRecord<String, String>> matching = readAll(bootstrap, topic).stream()
                .filter(r -> type.equals(KafkaEvents.header(r, "ce_type")) && subject(r) != null && which.test(subject(r))).toList();
        Map<String, Long> records = matching.stream().collect(Collectors.groupingBy(Topics::subject, Collectors.counting()));
        Map<String, Long> distinct = matching.stream().collect(Collectors.groupingBy(Topics::subject,
                Collectors.collectingAndThen(Collectors.mapping(r -> KafkaEvents.header(r, "ce_id"), Collectors.toSet()), s -> (long) s.size())));
        return new Tally(records, distinct);
    }

    private static String subject(ConsumerRecord<String, String> r) {
        return KafkaEvents.header(r, "ce_subject");
    }
}
