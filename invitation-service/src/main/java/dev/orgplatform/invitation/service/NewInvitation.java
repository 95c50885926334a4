package dev.orgplatform.invitation.service;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.platform.security.Role;

/** Invite {@code email} as {@code role} into {@code teams}; the inviter's role there is the gate's effective role. */
public record NewInvitation(UUID organizationId, UUID inviterId, Role inviterRole, String email, String name, Role role,
        List<String> teams, String note) {
}
