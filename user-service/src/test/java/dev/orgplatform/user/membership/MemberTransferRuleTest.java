package dev.orgplatform.user.membership;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;

class MemberTransferRuleTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    /** An Admin on both sides moving a Developer to be a Viewer, within one tree: allowed. */
    private static MemberTransferRule.Facts allowed() {
        return new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.ADMIN, Role.ADMIN, Role.DEVELOPER, Role.VIEWER, false, false);
    }

    @Test
    void anAdminOfBothSidesMovesAMemberWithinOneTree() {
        assertDoesNotThrow(() -> MemberTransferRule.require(allowed()));
        assertDoesNotThrow(() -> MemberTransferRule.require(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.OWNER, Role.ADMIN,
                Role.ADMIN, Role.ADMIN, false, false)));
    }

    @Test
    void anotherTreeOrTheSameOrganizationIsRefusedNamingTheTarget() {
        ProblemException otherTree = refused(new MemberTransferRule.Facts(A, B, ROOT, UUID.randomUUID(), Role.ADMIN, Role.ADMIN,
                Role.DEVELOPER, Role.VIEWER, false, false));
        assertEquals(409, otherTree.status());
        assertEquals("toOrganizationId", otherTree.errors().get(0).field());
        ProblemException unknownTree = refused(new MemberTransferRule.Facts(A, B, null, null, Role.ADMIN, Role.ADMIN,
                Role.DEVELOPER, Role.VIEWER, false, false));
        assertEquals(409, unknownTree.status());
        ProblemException same = refused(new MemberTransferRule.Facts(A, A, ROOT, ROOT, Role.ADMIN, Role.ADMIN, Role.DEVELOPER,
                Role.VIEWER, false, false));
        assertEquals(400, same.status());
        assertEquals("toOrganizationId", same.errors().get(0).field());
    }

    @Test
    void theOwnerASuspendedMemberAndSomeoneAlreadyThereStay() {
        ProblemException owner = refused(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.OWNER, Role.OWNER, Role.OWNER,
                Role.ADMIN, false, false));
        assertEquals(409, owner.status());
        assertEquals("userId", owner.errors().get(0).field());
        ProblemException suspended = refused(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.ADMIN, Role.ADMIN, Role.DEVELOPER,
                Role.VIEWER, false, true));
        assertEquals("userId", suspended.errors().get(0).field());
        ProblemException there = refused(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.ADMIN, Role.ADMIN, Role.DEVELOPER,
                Role.VIEWER, true, false));
        assertEquals(409, there.status());
        assertEquals("toOrganizationId", there.errors().get(0).field());
    }

    @Test
    void theCallerMustOutrankTheMemberHereAndGiveTheRoleThere() {
        assertEquals(403, refused(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.MANAGER, Role.ADMIN, Role.ADMIN, Role.VIEWER,
                false, false)).status());
        assertEquals(403, refused(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.ADMIN, Role.MANAGER, Role.DEVELOPER,
                Role.ADMIN, false, false)).status());
        ProblemException owner = refused(new MemberTransferRule.Facts(A, B, ROOT, ROOT, Role.OWNER, Role.OWNER, Role.ADMIN,
                Role.OWNER, false, false));
        assertEquals(400, owner.status());
        assertEquals("role", owner.errors().get(0).field());
    }

    private static ProblemException refused(MemberTransferRule.Facts facts) {
        return assertThrows(ProblemException.class, () -> MemberTransferRule.require(facts));
    }
}
