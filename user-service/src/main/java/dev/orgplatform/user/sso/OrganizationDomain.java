package dev.orgplatform.user.sso;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An email domain an organization claims; it routes logins only once a DNS TXT record proved it ({@link #verifiedAt}). */
@Entity
@Table(name = "organization_domain")
public class OrganizationDomain {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String domain;

    /** What the TXT record must say ({@link DomainVerification#recordValue}). */
    @Column(name = "verification_token", nullable = false)
    public String verificationToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** Why the last check did not verify it, or null. */
    @Column(name = "check_failure")
    public String checkFailure;

    public boolean verified() {
        return verifiedAt != null;
    }
}
