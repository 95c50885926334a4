package dev.orgplatform.billing.messaging;

import java.util.UUID;

/**
 * The fields of org-service's organization events that billing-service needs (README.md, "Events"); {@code reservationId}:
 * a new sub-organization's unit of its tree's subOrganizations.
 */
public record OrganizationEvent(UUID organizationId, UUID parentId, UUID rootId, UUID ownerId, String ownerEmail, String billingContactEmail,
        UUID reservationId) {
}
