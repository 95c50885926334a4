package dev.orgplatform.org;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organization's OWN branding: primary colour, the name its mails are sent under, and a logo. What holds for it
 * is the nearest of each set up its tree ({@link dev.orgplatform.org.service.BrandingInheritance}). No row: nothing
 * set of its own.
 */
@Entity
@Table(name = "organization_branding")
public class OrganizationBranding {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    /** {@code #rrggbb}; null: none of its own. */
    @Column(name = "primary_color")
    public String primaryColor;

    @Column(name = "mail_display_name")
    public String mailDisplayName;

    /** The image as uploaded (at most 512 KB); reads of the branding use {@code BrandingRepository}'s facts without it. */
    @Column(name = "logo")
    public byte[] logo;

    @Column(name = "logo_media_type")
    public String logoMediaType;

    @Column(name = "logo_width")
    public Integer logoWidth;

    @Column(name = "logo_height")
    public Integer logoHeight;

    /** The logo's SHA-256 in hexadecimal: its ETag wherever it is served. */
    @Column(name = "logo_sha256")
    public String logoSha256;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean hasLogo() {
        return logoSha256 != null;
    }
}
