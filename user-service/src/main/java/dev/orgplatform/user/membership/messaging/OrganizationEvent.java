package dev.orgplatform.user.membership.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of org-service's organization events that user-service needs (README.md, "Events"). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationEvent(UUID organizationId, UUID parentId, UUID ownerId, String ownerEmail, UUID newParentId,
        UUID previousOwnerId, UUID newOwnerId, Security security, String displayName, Map<String, Change> changes) {

    /** One field of an {@code OrganizationUpdated}: what it was and what it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(Object before, Object after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Security(Boolean enforce2fa, List<String> ipAllowlist, Integer maxSessionMinutes) {
    }
}
