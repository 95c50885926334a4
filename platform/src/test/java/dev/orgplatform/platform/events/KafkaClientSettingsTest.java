package dev.orgplatform.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void kafkaVariablesBecomeClientPropertiesAndNothingElseDoes() {
        Properties p = KafkaClientSettings.fromEnvironment(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "KAFKA_BOOTSTRAP_SERVERS", "events:9092",
                "KAFKA_EMPTY", " ",
                "QUARKUS_HTTP_PORT", "8080"));
        assertEquals(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";"), p);
    }
}
