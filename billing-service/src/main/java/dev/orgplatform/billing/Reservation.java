package dev.orgplatform.billing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Units of a resource set aside for a caller before it creates the limited thing. A reservation that is
 * neither committed nor released by {@code expiresAt} gives its units back.
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LimitedResource resource;

    @Column(nullable = false)
    public long amount;

    /** Supplied by the caller: a retried reserve with the same key returns the same reservation. */
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /**
     * Who holds the units: the caller's own name for them ({@code invitation:<id>}, {@code device:<id>}...),
     * defaulting to the idempotency key; {@code user:<id>} for a seat of a member, so that their removal frees it.
     */
    @Column(nullable = false)
    public String holder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReservationState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
