package dev.orgplatform.user.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One audited fact: who ({@code actorId}), did what ({@code action}, the event type or a Keycloak login event),
 * in which organization, to what ({@code target}), when, from where, with the before/after in {@code data}.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The event it records: a second delivery of the same event adds nothing. */
    @Column(name = "event_id", nullable = false, unique = true, updatable = false)
    public String eventId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "actor_id", updatable = false)
    public String actorId;

    @Column(name = "organization_id", updatable = false)
    public UUID organizationId;

    @Column(updatable = false)
    public String target;

    /** The service (or keycloak) that reported it. */
    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "source_address", updatable = false)
    public String sourceAddress;

    @Column(nullable = false, updatable = false)
    public String data;
}
