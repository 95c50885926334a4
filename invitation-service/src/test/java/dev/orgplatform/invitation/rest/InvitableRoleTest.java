package dev.orgplatform.invitation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.security.Role;

/** The roles a request may name: the platform's role order, any case, never OWNER. */
class InvitableRoleTest {

    @Test
    void everyRoleButOwnerMayBeInvited() {
        List<Role> invitable = Arrays.stream(Role.values()).filter(InvitableRole.Validator::invitable).toList();
        assertEquals(List.of(Role.ADMIN, Role.MANAGER, Role.DEVELOPER, Role.OPERATOR, Role.VIEWER), invitable);
    }

    @Test
    void namesAreReadInAnyCaseAndUnknownOnesAreRefused() {
        assertTrue(InvitableRole.Validator.invitable(Role.named("developer")));
        assertTrue(InvitableRole.Validator.invitable(Role.named(" Viewer ")));
        assertFalse(InvitableRole.Validator.invitable(Role.named("owner")));
        assertFalse(InvitableRole.Validator.invitable(Role.named("CHIEF")));
        assertFalse(InvitableRole.Validator.invitable(Role.named("")));
    }
}
