package dev.orgplatform.user.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member suspended in one organization: denied there and beneath it, nowhere else. */
@Entity
@Table(name = "member_suspension")
public class MemberSuspension {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "suspended_by", nullable = false)
    public UUID suspendedBy;

    @Column(name = "suspended_at", nullable = false)
    public Instant suspendedAt;
}
