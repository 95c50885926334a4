package dev.orgplatform.user.membership;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** user-service's copy of the organization tree (from org-service's events): roles inherit down it. */
@Entity
@Table(name = "organization_node")
public class OrganizationNode {

    @Id
    public UUID id;

    @Column(name = "parent_id")
    public UUID parentId;

    /** What people call it (org-service's display name); null until an event names it. */
    @Column(name = "display_name")
    public String displayName;

    /** False while the organization is pending deletion: its memberships grant nothing. */
    @Column(nullable = false)
    public boolean available;

    /** The organization's own setting; descendants inherit it (the strictest along the ancestors holds). */
    @Column(name = "enforce_2fa", nullable = false)
    public boolean enforce2fa;

    /** The addresses the organization itself admits (CIDRs; empty: no restriction of its own). */
    @Column(name = "ip_allowlist", nullable = false)
    public String[] ipAllowlist = new String[0];

    /** How old a login may be to act here, its own cap (null: none of its own). */
    @Column(name = "max_session_minutes")
    public Integer maxSessionMinutes;

    /** The sequence of the org-service event that set each fact last: an older event changes none of them. */
    @Column(name = "parent_version", nullable = false)
    public long parentVersion;

    @Column(name = "availability_version", nullable = false)
    public long availabilityVersion;

    @Column(name = "security_version", nullable = false)
    public long securityVersion;

    @Column(name = "name_version", nullable = false)
    public long nameVersion;
}
