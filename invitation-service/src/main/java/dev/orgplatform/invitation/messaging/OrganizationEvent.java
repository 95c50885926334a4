package dev.orgplatform.invitation.messaging;

import java.util.UUID;

/** The one field of org-service's lifecycle events invitation-service needs (README.md, "Events"). */
public record OrganizationEvent(UUID organizationId) {
}
