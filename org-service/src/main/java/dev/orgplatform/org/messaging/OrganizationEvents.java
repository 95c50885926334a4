package dev.orgplatform.org.messaging;

import java.time.Instant;
import java.util.UUID;

/** The events org-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class OrganizationEvents {

    public static final String TOPIC = "organizations";

    private OrganizationEvents() {
    }

    /** A new organization; {@code ownerId} (a user id) becomes its Owner. */
    public record OrganizationCreated(UUID organizationId, String name, String displayName, String region, UUID parentId,
            UUID rootId, int depth, UUID ownerId, String ownerEmail, Instant createdAt) {
    }
}
