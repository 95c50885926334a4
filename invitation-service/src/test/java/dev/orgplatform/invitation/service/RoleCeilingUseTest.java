package dev.orgplatform.invitation.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;

/** How an invitation applies the platform's role ceiling to the inviter's effective role. */
class RoleCeilingUseTest {

    @Test
    void anInviterGivesTheirOwnRoleOrBelow() {
        assertDoesNotThrow(() -> InvitationService.requireWithinCeiling(Role.ADMIN, Role.ADMIN));
        assertDoesNotThrow(() -> InvitationService.requireWithinCeiling(Role.ADMIN, Role.VIEWER));
        assertDoesNotThrow(() -> InvitationService.requireWithinCeiling(Role.OWNER, Role.ADMIN));
        assertDoesNotThrow(() -> InvitationService.requireWithinCeiling(Role.MANAGER, Role.DEVELOPER));
    }

    @Test
    void aboveTheirOwnRoleIsForbidden() {
        ProblemException e = assertThrows(ProblemException.class, () -> InvitationService.requireWithinCeiling(Role.MANAGER, Role.ADMIN));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("a MANAGER may not invite as ADMIN"), e.getMessage());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> InvitationService.requireWithinCeiling(Role.VIEWER, Role.OPERATOR)).status());
    }

    @Test
    void nobodyIsInvitedAsOwnerNotEvenByTheOwner() {
        assertEquals(403, assertThrows(ProblemException.class,
                () -> InvitationService.requireWithinCeiling(Role.OWNER, Role.OWNER)).status());
    }
}
