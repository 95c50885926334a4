package dev.orgplatform.user.apikey;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organization's own cap on API key lifetimes (null = none); sub-organizations inherit stricter caps. */
@Entity
@Table(name = "api_key_policy")
public class ApiKeyPolicy {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "max_lifetime_days")
    public Integer maxLifetimeDays;

    /** The sequence of the org-service event that set the cap last: an older one changes nothing. */
    @Column(nullable = false)
    public long version;
}
