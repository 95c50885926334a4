package dev.orgplatform.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An event as a consumer sees it: the envelope read back from a Kafka record's CloudEvents headers. */
public record InboundEvent(EventEnvelope envelope) {

    public static InboundEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new MalformedEventException("record at offset " + record.offset() + " has no ce_id/ce_type header");
        }
        String time = header(record, "ce_time");
        UUID org = record.key() == null ? null : UUID.fromString(record.key());
        return new InboundEvent(new EventEnvelope(id, type, header(record, "ce_source"), header(record, "ce_subject"), org,
                time == null ? null : OffsetDateTime.parse(time).toInstant(), record.value(),
                header(record, "ce_" + EventEnvelope.ACTOR), header(record, "ce_" + EventEnvelope.SOURCE_ADDRESS),
                sequence(record)));
    }

    public String id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    public String source() {
        return envelope.source();
    }

    public UUID organizationId() {
        return envelope.organizationId();
    }

    public Instant time() {
        return envelope.time();
    }

    /** The version of the facts this event states, in the owning database (see {@link EventEnvelope#SEQUENCE}). */
    public long sequence() {
        return require(envelope.sequence(), "ce_sequence");
    }

    /** Whether this event states something newer than the version {@code applied} (null: nothing applied yet). */
    public boolean isNewerThan(Long applied) {
        return applied == null || sequence() > applied;
    }

    public <T> T data(ObjectMapper json, Class<T> type) {
        try {
            return json.readValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + id() + " of type " + type() + " has unreadable data: " + e.getOriginalMessage());
        }
    }

    /** A field the event cannot do without: missing, the event is malformed, and no retry can help. */
    public <T> T require(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("event " + id() + " of type " + type() + " lacks " + field);
        }
        return value;
    }

    private static Long sequence(ConsumerRecord<String, String> record) {
        String value = header(record, "ce_" + EventEnvelope.SEQUENCE);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new MalformedEventException("record at offset " + record.offset() + " has an unreadable ce_sequence");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
