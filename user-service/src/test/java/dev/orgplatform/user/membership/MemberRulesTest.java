package dev.orgplatform.user.membership;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;

class MemberRulesTest {

    @Test
    void ownershipIsNeverGivenByARoleChange() {
        ProblemException e = refused(() -> MemberRules.mayChangeRole(Role.OWNER, Role.ADMIN, Role.OWNER));
        assertEquals(400, e.status());
        assertEquals("role", e.errors().get(0).field());
    }

    @Test
    void nobodyRaisesAnyoneAboveTheirOwnRole() {
        assertEquals(403, refused(() -> MemberRules.mayChangeRole(Role.MANAGER, Role.DEVELOPER, Role.ADMIN)).status());
        assertDoesNotThrow(() -> MemberRules.mayChangeRole(Role.ADMIN, Role.MANAGER, Role.ADMIN));
        assertDoesNotThrow(() -> MemberRules.mayChangeRole(Role.ADMIN, Role.MANAGER, Role.VIEWER));
        assertDoesNotThrow(() -> MemberRules.mayChangeRole(Role.OWNER, Role.VIEWER, Role.ADMIN));
    }

    @Test
    void nobodyChangesSomeoneStrongerNorTheOwner() {
        assertEquals(403, refused(() -> MemberRules.mayChangeRole(Role.MANAGER, Role.ADMIN, Role.VIEWER)).status());
        assertEquals(403, refused(() -> MemberRules.mayChangeRole(Role.ADMIN, Role.OWNER, Role.VIEWER)).status());
        assertEquals(403, refused(() -> MemberRules.mayTouch(Role.ADMIN, Role.OWNER)).status());
        assertEquals(403, refused(() -> MemberRules.mayTouch(Role.OWNER, Role.OWNER)).status());
        assertEquals(403, refused(() -> MemberRules.mayTouch(Role.DEVELOPER, Role.MANAGER)).status());
        assertDoesNotThrow(() -> MemberRules.mayTouch(Role.ADMIN, Role.ADMIN));
        assertDoesNotThrow(() -> MemberRules.mayTouch(Role.OWNER, Role.ADMIN));
    }

    @Test
    void theOwnerIsNotRemovedButOthersAreByTheStrongEnough() {
        assertEquals(409, refused(() -> MemberRules.mayRemove(Role.OWNER, Role.OWNER)).status());
        assertEquals(403, refused(() -> MemberRules.mayRemove(Role.MANAGER, Role.ADMIN)).status());
        assertDoesNotThrow(() -> MemberRules.mayRemove(Role.ADMIN, Role.VIEWER));
    }

    private static ProblemException refused(Executable rule) {
        return assertThrows(ProblemException.class, rule);
    }
}
