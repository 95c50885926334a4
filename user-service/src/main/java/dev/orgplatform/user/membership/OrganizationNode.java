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

    /** False while the organization is pending deletion: its memberships grant nothing. */
    @Column(nullable = false)
    public boolean available;

    /** The organization's own setting; descendants inherit it (the strictest along the ancestors holds). */
    @Column(name = "enforce_2fa", nullable = false)
    public boolean enforce2fa;
}
