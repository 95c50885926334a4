package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;

class OwnerByTransferOnlyTest {

    @Test
    void everyRoleButOwnerMayBeGivenAndNamingOwnerIsA400OnTheField() {
        for (Role r : Role.values()) {
            assertEquals(r != Role.OWNER, OwnerByTransferOnly.givable(r), r.name());
        }
        assertDoesNotThrow(() -> OwnerByTransferOnly.require("role", Role.ADMIN));
        ProblemException e = assertThrows(ProblemException.class, () -> OwnerByTransferOnly.require("role", Role.OWNER));
        assertEquals(400, e.status());
        assertEquals("role", e.errors().get(0).field());
    }

    @Test
    void theCeilingNeverGivesOwnerEvenToAnOwner() {
        assertFalse(RoleCeiling.allows(Role.OWNER, Role.OWNER));
        assertTrue(RoleCeiling.allows(Role.OWNER, Role.ADMIN));
        assertFalse(RoleCeiling.allows(Role.MANAGER, Role.ADMIN));
    }
}
