package dev.orgplatform.invitation.service;

import java.util.List;

/**
 * Nobody invites above their own role (user-service's role order, strongest first), and nobody is invited
 * as OWNER: ownership moves only by transfer.
 */
final class RoleCeiling {

    private static final List<String> STRONGEST_FIRST = List.of("OWNER", "ADMIN", "MANAGER", "DEVELOPER", "OPERATOR", "VIEWER");

    private RoleCeiling() {
    }

    static boolean allows(String inviterRole, String invitedRole) {
        int inviter = STRONGEST_FIRST.indexOf(inviterRole);
        int invited = STRONGEST_FIRST.indexOf(invitedRole);
        return inviter >= 0 && invited > 0 && invited >= inviter;
    }
}
