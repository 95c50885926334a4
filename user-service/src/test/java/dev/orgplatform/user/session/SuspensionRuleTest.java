package dev.orgplatform.user.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.TreeMembership;
import dev.orgplatform.user.membership.TreeMembership.Place;

class SuspensionRuleTest {

    private final UUID caller = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void inAnOrganizationOnlyAMemberHereOrBeneathWeakerThanTheCallerAndNeverTheOwner() {
        assertDoesNotThrow(() -> SuspensionRule.maySuspendIn(caller, Role.ADMIN, user, List.of(held(Role.DEVELOPER, Place.HERE))));
        assertDoesNotThrow(() -> SuspensionRule.maySuspendIn(caller, Role.ADMIN, user,
                List.of(held(Role.ADMIN, Place.DESCENDANT), held(Role.VIEWER, Place.HERE))));
        assertEquals(404, status(() -> SuspensionRule.maySuspendIn(caller, Role.OWNER, user, List.of())));
        assertEquals(403, status(() -> SuspensionRule.maySuspendIn(caller, Role.OWNER, user, List.of(held(Role.VIEWER, Place.ANCESTOR)))));
        assertEquals(403, status(() -> SuspensionRule.maySuspendIn(caller, Role.OWNER, user,
                List.of(held(Role.VIEWER, Place.ANCESTOR), held(Role.VIEWER, Place.HERE)))), "their role comes from above");
        assertEquals(403, status(() -> SuspensionRule.maySuspendIn(caller, Role.ADMIN, user, List.of(held(Role.OWNER, Place.HERE)))));
        assertEquals(403, status(() -> SuspensionRule.maySuspendIn(caller, Role.ADMIN, user,
                List.of(held(Role.VIEWER, Place.HERE), held(Role.OWNER, Place.DESCENDANT)))), "the strongest role beneath counts");
        assertEquals(403, status(() -> SuspensionRule.maySuspendIn(caller, Role.MANAGER, user, List.of(held(Role.ADMIN, Place.HERE)))));
        assertEquals(403, status(() -> SuspensionRule.maySuspendIn(user, Role.OWNER, user, List.of(held(Role.ADMIN, Place.HERE)))));
    }

    @Test
    void theAccountTakesAnOperatorOrSomeoneWhoMaySuspendTheUserInEveryOrganization() {
        List<Membership> both = List.of(membership(a, Role.DEVELOPER), membership(b, Role.VIEWER));
        assertDoesNotThrow(() -> SuspensionRule.mayDisableAccount(caller, true, Map.of(), user, both));
        assertDoesNotThrow(() -> SuspensionRule.mayDisableAccount(caller, true, Map.of(), user, List.of()));
        assertDoesNotThrow(() -> SuspensionRule.mayDisableAccount(caller, false, Map.of(a, Role.ADMIN, b, Role.OWNER), user, both));
        assertEquals(403, status(() -> SuspensionRule.mayDisableAccount(caller, false, Map.of(a, Role.ADMIN), user, both)));
        assertEquals(403, status(() -> SuspensionRule.mayDisableAccount(caller, false, Map.of(), user, List.of())));
        assertEquals(403, status(() -> SuspensionRule.mayDisableAccount(caller, false, Map.of(a, Role.ADMIN), user,
                List.of(membership(a, Role.OWNER)))));
        assertEquals(403, status(() -> SuspensionRule.mayDisableAccount(user, true, Map.of(), user, both)), "not oneself");
    }

    private TreeMembership held(Role role, Place place) {
        return new TreeMembership(UUID.randomUUID(), role, place);
    }

    private Membership membership(UUID org, Role role) {
        Membership m = new Membership();
        m.organizationId = org;
        m.userId = user;
        m.role = role;
        return m;
    }

    private static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).status();
    }
}
