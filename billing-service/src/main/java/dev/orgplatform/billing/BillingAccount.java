package dev.orgplatform.billing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An organization's plan and billing settings. */
@Entity
@Table(name = "billing_account")
public class BillingAccount {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Plan plan;

    @Column(name = "billing_email")
    public String billingEmail;

    /** Outstanding balance in cents; deletion is blocked while it is not zero. */
    @Column(name = "outstanding_cents", nullable = false)
    public long outstandingCents;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
