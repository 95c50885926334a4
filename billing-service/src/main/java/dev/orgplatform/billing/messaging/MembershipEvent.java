package dev.orgplatform.billing.messaging;

import java.util.UUID;

/** The fields of user-service's MembershipRevoked that free a seat. */
public record MembershipEvent(UUID organizationId, UUID userId) {
}
