package dev.orgplatform.org;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tenant: a node of an organization tree (root = depth 1). */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    public UUID id;

    /** Slug, unique and immutable. */
    @Column(nullable = false, unique = true, updatable = false)
    public String name;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String description;

    @Column(name = "contact_email")
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Region region;

    /** ISO 3166-1 alpha-2, or null; shown, never used for routing. */
    public String country;

    /** A sub-organization's type ({@code SubOrganizationType}); null for a root. */
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationState state;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "root_id", nullable = false)
    public UUID rootId;

    @Column(nullable = false)
    public int depth;

    /** The one Owner: the creator at first, then whoever ownership was transferred to. */
    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** Set while {@link OrganizationState#PENDING_DELETION}: restorable until then, purged after. */
    @Column(name = "purge_after")
    public Instant purgeAfter;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isAvailable() {
        return state == OrganizationState.ACTIVE;
    }
}
