package dev.orgplatform.invitation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization org-service scheduled for deletion or purged: its invitations do not work. Restoring the
 * organization removes the row.
 */
@Entity
@Table(name = "closed_organization")
public class ClosedOrganization {

    public enum State {
        DELETION_SCHEDULED, PURGED
    }

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public Instant since;
}
