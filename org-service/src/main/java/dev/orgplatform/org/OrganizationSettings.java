package dev.orgplatform.org;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organization's OWN settings. What holds for it (its effective settings) is the strictest of these and
 * its ancestors' ({@link dev.orgplatform.org.service.EffectiveSettingsRule}).
 */
@Entity
@Table(name = "organization_settings")
public class OrganizationSettings {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "enforce_2fa", nullable = false)
    public boolean enforce2fa;

    /** CIDRs, comma separated (a CIDR never holds a comma); empty = no restriction of its own. */
    @Column(name = "ip_allowlist", nullable = false)
    public String ipAllowlist = "";

    /** Null: no limit of its own. */
    @Column(name = "max_session_minutes")
    public Integer maxSessionMinutes;

    @Column(name = "api_key_max_lifetime_days")
    public Integer apiKeyMaxLifetimeDays;

    @Column(name = "billing_contact_email")
    public String billingContactEmail;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> ipAllowlist() {
        return ipAllowlist == null || ipAllowlist.isEmpty() ? List.of() : Arrays.asList(ipAllowlist.split(","));
    }

    public void ipAllowlist(List<String> cidrs) {
        this.ipAllowlist = cidrs == null ? "" : String.join(",", cidrs);
    }

    public static OrganizationSettings defaultsFor(UUID organizationId, Instant now) {
        OrganizationSettings s = new OrganizationSettings();
        s.organizationId = organizationId;
        s.updatedAt = now;
        return s;
    }
}
