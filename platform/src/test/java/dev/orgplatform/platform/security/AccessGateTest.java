package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** How a decision becomes a refusal, and how an API key narrows the check (pure logic, no HTTP). */
class AccessGateTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    /** The owner of every key below is an Admin of ORG who may do anything there, and a stranger elsewhere. */
    private final AccessPolicy adminOfOrg = q -> Uni.createFrom().item(q.organizationId().equals(ORG)
            ? AccessDecision.allow("role ADMIN", "ADMIN") : AccessDecision.deny("not a member"));

    @Test
    void aStrangerIsToldNothingExists() {
        ProblemException e = AccessGate.refusal(AccessQuery.of(USER, ORG, "organization:read"), AccessDecision.deny("not a member"));
        assertEquals(404, e.status());
        assertEquals("organization " + ORG + " does not exist", e.getMessage());
    }

    @Test
    void aMemberLackingThePermissionIsForbidden() {
        ProblemException e = AccessGate.refusal(AccessQuery.of(USER, ORG, "organization:delete"),
                AccessDecision.deny("role ADMIN lacks organization:delete", "ADMIN"));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("organization:delete"), e.getMessage());
    }

    @Test
    void aMemberWithoutASecondFactorIsToldSoInAWayAClientCanRead() {
        ProblemException e = AccessGate.refusal(AccessQuery.of(USER, ORG, "organization:read"),
                AccessDecision.deny(AccessDecision.SECOND_FACTOR_REQUIRED, "DEVELOPER"));
        assertEquals(403, e.status());
        assertEquals("Second factor required", e.title());
        assertEquals(true, e.extensions().get("secondFactorRequired"));
        ProblemException lacking = AccessGate.refusal(AccessQuery.of(USER, ORG, "organization:delete"),
                AccessDecision.deny("role ADMIN lacks organization:delete", "ADMIN"));
        assertEquals(Map.of(), lacking.extensions());
    }

    @Test
    void aKeyOfAnotherOrganizationDoesNotSeeThisOne() {
        AccessDecision d = check(key(OTHER, "write"), ORG, "organization:read");
        assertEquals(false, d.allowed());
        assertEquals(false, d.organizationVisible());
    }

    @Test
    void aReadKeyIsRefusedAWriteWithItsOwnersRole() {
        AccessDecision d = check(key(ORG, "read"), ORG, "member:manage");
        assertEquals(false, d.allowed());
        assertEquals(Role.ADMIN, d.effectiveRole());
        assertTrue(d.reason().contains("scopes"), d.reason());
    }

    @Test
    void aKeyWithinItsScopesGetsItsOwnersAnswer() {
        assertEquals(true, check(key(ORG, "read"), ORG, "member:read").allowed());
        assertEquals(true, check(null, ORG, "member:manage").allowed());
        assertEquals(false, check(null, OTHER, "member:read").organizationVisible());
    }

    private AccessDecision check(ApiKeyGrant key, UUID org, String permission) {
        return adminOfOrg.check(new AccessQuery(USER, org, permission, null, true, key)).await().indefinitely();
    }

    private static ApiKeyGrant key(UUID org, String... scopes) {
        return new ApiKeyGrant(UUID.randomUUID(), USER, org, List.of(scopes), Instant.now().plusSeconds(60));
    }
}
