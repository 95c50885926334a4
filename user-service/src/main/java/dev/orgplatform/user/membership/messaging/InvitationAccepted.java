package dev.orgplatform.user.membership.messaging;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** invitation-service's InvitationAccepted: the invited person becomes a member with this role and these teams. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationAccepted(UUID invitationId, UUID organizationId, UUID userId, String email, String name, String role,
        List<String> teams) {
}
