package dev.orgplatform.invitation.rest;

import java.util.UUID;

/** Whether invitation-service takes invitations to the organization: false while it knows it pending deletion. */
public record AvailabilityResponse(UUID organizationId, boolean available) {
}
