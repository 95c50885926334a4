package dev.orgplatform.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The CloudEvents attributes every platform event carries (binary mode on Kafka: the attributes are
 * ce_* headers, the record value is the JSON data, the record key the organization id).
 */
public record EventEnvelope(
        String id,
        String type,
        String source,
        String subject,
        UUID organizationId,
        Instant time,
        String data,
        String actor,
        String sourceAddress,
        Long sequence) {

    public static final String SPEC_VERSION = "1.0";
    /** CloudEvents extension attributes (ce_actor, ce_sourceaddress headers on Kafka). */
    public static final String ACTOR = "actor";
    public static final String SOURCE_ADDRESS = "sourceaddress";
    /**
     * The event's position among its key's events (ce_sequence): the outbox row id in the database that owns the
     * fact, increasing per key in commit order. A consumer keeping a copy of a fact applies an event only when its
     * sequence is above the one it last applied for that fact, whatever the clocks or the delivery order.
     */
    public static final String SEQUENCE = "sequence";
    public static final String CONTENT_TYPE = "application/json";
}
