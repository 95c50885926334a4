package dev.orgplatform.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event written in the same transaction as the change it describes, waiting for the relay. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String data;

    /** The user (or API key owner) whose request made the change; null for consumers and jobs. */
    public String actor;

    @Column(name = "source_address")
    public String sourceAddress;
}
