package dev.orgplatform.org.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events org-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class OrganizationEvents {

    public static final String TOPIC = "organizations";

    private OrganizationEvents() {
    }

    /**
     * A new organization; {@code ownerId} (a user id) becomes the Owner of a root. A sub-organization has none
     * (null): it is managed from above, and its creator already holds a role there through the tree. Its
     * {@code reservationId} is its unit of the tree's subOrganizations at billing-service (null for a root).
     */
    public record OrganizationCreated(UUID organizationId, String name, String displayName, String region, String country, String type,
            UUID parentId,
            UUID rootId, int depth, UUID ownerId, String ownerEmail, Instant createdAt, UUID reservationId) {
    }

    /** General fields changed: for each, its value before and after. */
    public record OrganizationUpdated(UUID organizationId, Map<String, Change> changes) {
    }

    public record Change(Object before, Object after) {
    }

    /** A subtree now hangs under {@code newParentId}; the depths beneath it changed with it. */
    public record OrganizationMoved(UUID organizationId, UUID previousParentId, UUID newParentId, UUID rootId) {
    }

    /** The organization's OWN settings as they now are (consumers compute the effective ones along the tree). */
    public record OrganizationSettingsChanged(UUID organizationId, Security security, String billingContactEmail) {
    }

    public record Security(boolean enforce2fa, List<String> ipAllowlist, Integer maxSessionMinutes, Integer apiKeyMaxLifetimeDays) {
    }

    /** The organization's OWN branding as it now is (null parts: none of its own); the logo without its bytes. */
    public record OrganizationBrandingChanged(UUID organizationId, String primaryColor, String mailDisplayName, Logo logo) {
    }

    public record Logo(String mediaType, Integer width, Integer height, String sha256) {
    }

    public record OwnershipTransferred(UUID organizationId, UUID previousOwnerId, UUID newOwnerId) {
    }

    public record OrganizationDeletionScheduled(UUID organizationId, Instant purgeAfter) {
    }

    public record OrganizationRestored(UUID organizationId) {
    }

    public record OrganizationPurged(UUID organizationId) {
    }
}
