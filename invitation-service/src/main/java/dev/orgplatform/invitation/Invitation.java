package dev.orgplatform.invitation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An invitation to join an organization with a role and teams; its link token is kept only as a hash. */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;

    /** Names of the teams the invitee joins. */
    @Column(nullable = false)
    public String[] teams;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvitationState state;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "invited_by", nullable = false)
    public UUID invitedBy;

    /** The billing seat held while the invitation is pending. */
    @Column(name = "reservation_id", nullable = false)
    public UUID reservationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state", nullable = false)
    public DeliveryState deliveryState;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    /** When it became ACCEPTED, REVOKED or EXPIRED. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;
}
