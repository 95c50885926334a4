package dev.orgplatform.platform.events;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka client settings from the environment the way Quarkus reads them for the services ({@code KAFKA_SASL_MECHANISM}
 * is {@code sasl.mechanism}), for the tools that use kafka-clients directly: in Kubernetes they then authenticate as
 * the services do, from the same ConfigMap and Secret.
 */
public final class KafkaClientSettings {

    private static final String PREFIX = "KAFKA_";

    private KafkaClientSettings() {
    }

    /** Every {@code KAFKA_*} variable as a client property, but the bootstrap servers, which the caller sets. */
    public static Properties fromEnvironment(Map<String, String> environment) {
        Properties p = new Properties();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && !name.equals("KAFKA_BOOTSTRAP_SERVERS") && value != null && !value.isBlank()) {
                p.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return p;
    }
}
