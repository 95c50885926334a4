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
 * One crossing of a usage threshold, recorded in the transaction that changed the usage. While
 * {@code rearmedAt} is null the threshold stays crossed and raises nothing more; usage falling below it re-arms it.
 * {@code emailSentAt} null = the alert email is still to be sent (after commit, by {@code AlertEmailJob}).
 */
@Entity
@Table(name = "usage_alert")
public class UsageAlert {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LimitedResource resource;

    @Column(name = "threshold_percent", nullable = false)
    public int thresholdPercent;

    @Column(nullable = false)
    public long used;

    @Column(name = "limit_value", nullable = false)
    public long limitValue;

    @Column(name = "crossed_at", nullable = false)
    public Instant crossedAt;

    @Column(name = "rearmed_at")
    public Instant rearmedAt;

    @Column(name = "email_sent_at")
    public Instant emailSentAt;
}
