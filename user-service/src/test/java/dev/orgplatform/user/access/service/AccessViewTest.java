package dev.orgplatform.user.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.ApiKeyGrant;
import dev.orgplatform.platform.security.Role;
import io.smallrye.mutiny.Uni;

/** The decisions of the in-memory check, on a tree root > child > grandchild. */
class AccessViewTest {

    private final AccessView view = new AccessView(new PlatformClock());
    private final UUID root = UUID.randomUUID();
    private final UUID child = UUID.randomUUID();
    private final UUID grandchild = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();

    AccessViewTest() {
        view.putOrganization(root, null, true, false);
        view.putOrganization(child, root, true, false);
        view.putOrganization(grandchild, child, true, false);
        view.putRole(root, owner, Role.OWNER);
    }

    @Test
    void aRoleHoldsBeneathAndTheNearestMembershipWins() {
        AccessDecision inherited = decide(owner, grandchild, "organization:delete");
        assertTrue(inherited.allowed());
        assertEquals("OWNER", inherited.role());
        assertTrue(inherited.reason().contains("inherited from " + root), inherited.reason());

        view.putRole(root, user, Role.VIEWER);
        view.putRole(child, user, Role.DEVELOPER);
        assertEquals(Role.DEVELOPER, decide(user, grandchild, "product:write").effectiveRole());
        assertTrue(decide(user, grandchild, "product:write").allowed());
        assertFalse(decide(user, root, "product:write").allowed());
        assertEquals("VIEWER", decide(user, root, "product:write").role());
    }

    @Test
    void rolesNeverFlowUpwards() {
        view.putRole(child, user, Role.ADMIN);
        AccessDecision d = decide(user, root, "organization:read");
        assertFalse(d.allowed());
        assertEquals("not a member", d.reason());
        assertNull(d.role());
    }

    @Test
    void anUnknownOrUnavailableOrganizationGivesNobodyARole() {
        AccessDecision unknown = decide(owner, UUID.randomUUID(), "organization:read");
        assertFalse(unknown.allowed());
        assertNull(unknown.role());

        view.putOrganization(child, root, false, false);
        AccessDecision pending = decide(owner, grandchild, "organization:read");
        assertFalse(pending.allowed());
        assertNull(pending.role(), "an unavailable ancestor hides the whole branch");
        assertTrue(decide(owner, root, "organization:read").allowed());

        view.putOrganization(child, root, true, false);
        assertTrue(decide(owner, grandchild, "organization:read").allowed());
        view.removeOrganization(root);
        assertNull(decide(owner, root, "organization:read").role());
    }

    @Test
    void aSuspendedMemberIsDeniedWithTheirRoleAndAStrangerWithNone() {
        view.putRole(child, user, Role.ADMIN);
        view.setSuspended(user, true);
        AccessDecision member = decide(user, grandchild, "organization:read");
        assertFalse(member.allowed());
        assertEquals("user is suspended", member.reason());
        assertEquals("ADMIN", member.role());

        AccessDecision stranger = decide(user, UUID.randomUUID(), "organization:read");
        assertFalse(stranger.allowed());
        assertNull(stranger.role());
        AccessDecision notMemberThere = decide(user, root, "organization:read");
        assertEquals("user is suspended", notMemberThere.reason());
        assertNull(notMemberThere.role());

        view.setSuspended(user, false);
        assertTrue(decide(user, grandchild, "organization:read").allowed());
    }

    @Test
    void aMemberSuspendedInAnOrganizationIsDeniedThereAndBeneathOnly() {
        UUID other = UUID.randomUUID();
        view.putOrganization(other, null, true, false);
        view.putRole(child, user, Role.DEVELOPER);
        view.putRole(other, user, Role.DEVELOPER);
        view.setSuspendedIn(child, user, true);
        AccessDecision there = decide(user, child, "product:write");
        assertFalse(there.allowed());
        assertEquals("member is suspended in organization " + child, there.reason());
        assertEquals("DEVELOPER", there.role(), "a suspended member still sees the organization");
        assertFalse(decide(user, grandchild, "product:write").allowed(), "beneath it too");
        assertTrue(decide(user, other, "product:write").allowed(), "every other organization stays theirs");
        assertEquals("not a member", decide(user, root, "organization:read").reason(), "nothing is learnt above it");

        view.setSuspendedIn(other, user, true);
        view.setSuspendedIn(child, user, false);
        assertTrue(decide(user, grandchild, "product:write").allowed());
        assertFalse(decide(user, other, "product:write").allowed());
    }

    @Test
    void twoFactorsEnforcedAboveHoldBeneathUntilTheQueryShowsOne() {
        view.putRole(grandchild, user, Role.DEVELOPER);
        view.putOrganization(root, null, true, true);
        AccessDecision without = view.decide(new AccessQuery(user, grandchild, "product:read", null, false));
        assertFalse(without.allowed());
        assertTrue(without.reason().contains("two-factor"), without.reason());
        assertEquals("DEVELOPER", without.role());
        assertFalse(view.decide(new AccessQuery(user, grandchild, "product:read", null, null)).allowed());
        assertTrue(view.decide(new AccessQuery(user, grandchild, "product:read", null, true)).allowed());

        view.putOrganization(root, null, true, false);
        assertTrue(view.decide(new AccessQuery(user, grandchild, "product:read", null, false)).allowed());
    }

    @Test
    void anAllowlistAboveAdmitsOnlyItsAddressesAndEveryListOnThePathMustAdmit() {
        view.putRole(grandchild, user, Role.DEVELOPER);
        view.putOrganization(root, null, true, false, List.of("203.0.113.0/24", "2001:db8::/32"), null);
        assertTrue(from("203.0.113.9").allowed());
        assertTrue(from("2001:db8::1").allowed(), "IPv6 too");
        AccessDecision outside = from("198.51.100.7");
        assertFalse(outside.allowed());
        assertEquals(AccessDecision.IP_ALLOWLIST, outside.rule());
        assertTrue(outside.reason().contains("198.51.100.7") && outside.reason().contains(root.toString()), outside.reason());
        assertEquals("DEVELOPER", outside.role(), "a member learns why");
        assertTrue(decide(user, grandchild, "product:read").allowed(), "no address known: the rule is not asked");
        // a list beneath narrows: an address must be in both
        view.putOrganization(child, root, true, false, List.of("203.0.113.128/25"), null);
        assertFalse(from("203.0.113.9").allowed());
        assertTrue(from("203.0.113.200").allowed());
        view.putOrganization(root, null, true, false, List.of(), null);
        view.putOrganization(child, root, true, false, List.of(), null);
        assertTrue(from("198.51.100.7").allowed(), "a list taken away holds at once");
    }

    @Test
    void aLoginOlderThanTheStrictestSessionCapIsRefusedButAKeyIsNot() {
        view.putRole(grandchild, user, Role.DEVELOPER);
        view.putOrganization(root, null, true, false, List.of(), 60);
        view.putOrganization(child, root, true, false, List.of(), 30);
        long now = java.time.Instant.now().getEpochSecond();
        assertTrue(loggedIn(now - 29 * 60, null).allowed());
        AccessDecision old = loggedIn(now - 31 * 60, null);
        assertFalse(old.allowed());
        assertEquals(AccessDecision.MAX_SESSION, old.rule());
        assertTrue(old.reason().contains("30 minutes") && old.reason().contains(child.toString()), old.reason());
        ApiKeyGrant key = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), grandchild, List.of("read"), null);
        assertTrue(loggedIn(now - 31 * 60, key).allowed(), "session length does not apply to a key");
    }

    @Test
    void theSignInPolicyUpTheTreeHoldsForTokensNotForKeys() {
        view.putRole(grandchild, user, Role.DEVELOPER);
        view.putOrganization(root, null, true, false, List.of(), null, dev.orgplatform.user.sso.SignInPolicy.SSO_ONLY,
                List.of("sso-acme"), List.of("sso-gone"));
        AccessDecision password = signedInThrough(null, null);
        assertFalse(password.allowed());
        assertEquals(AccessDecision.SIGN_IN_POLICY, password.rule());
        assertTrue(signedInThrough("sso-acme", null).allowed());
        assertEquals(AccessDecision.SIGN_IN_POLICY, signedInThrough("sso-gone", null).rule());
        ApiKeyGrant key = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), grandchild, List.of("read"), null);
        assertTrue(signedInThrough(null, key).allowed(), "a key stands for automation its owner set up");
    }

    private AccessDecision signedInThrough(String identityProvider, ApiKeyGrant key) {
        return view.decide(new AccessQuery(user, grandchild, "product:read", null, true, key, null, null, null, identityProvider));
    }

    private AccessDecision from(String address) {
        return view.decide(new AccessQuery(user, grandchild, "product:read", null, true, null, address, null, null, null));
    }

    private AccessDecision loggedIn(long authTime, ApiKeyGrant key) {
        return view.decide(new AccessQuery(user, grandchild, "product:read", null, true, key, "203.0.113.9", authTime, null, null));
    }

    @Test
    void productGrantsAddRightsOnThatProductOnly() {
        view.putRole(child, user, Role.VIEWER);
        view.grantProductPermission(child, user, "p-1", "device:write");
        AccessDecision granted = view.decide(new AccessQuery(user, grandchild, "device:write", "p-1", null));
        assertTrue(granted.allowed());
        assertTrue(granted.reason().contains("product permission"), granted.reason());
        assertFalse(view.decide(new AccessQuery(user, grandchild, "device:write", "p-2", null)).allowed());
        assertFalse(decide(user, grandchild, "device:write").allowed());

        view.revokeProductPermission(child, user, "p-1", "device:write");
        assertFalse(view.decide(new AccessQuery(user, grandchild, "device:write", "p-1", null)).allowed());
    }

    @Test
    void aKeyOfAnOrganizationPendingDeletionOrUnknownIsOfNoUse() {
        assertTrue(view.available(grandchild));
        view.putOrganization(root, null, false, false);
        assertFalse(view.available(grandchild), "an unavailable ancestor makes the whole branch unavailable");
        assertFalse(view.available(UUID.randomUUID()));
    }

    @Test
    void anApiKeyNarrowsTheOwnersRightsThroughThePolicy() {
        AccessPolicy policy = q -> Uni.createFrom().item(view.decide(q));
        ApiKeyGrant readOnly = new ApiKeyGrant(UUID.randomUUID(), owner, root, List.of("read"), Instant.now().plusSeconds(60));
        AccessDecision write = policy.check(new AccessQuery(owner, root, "member:manage", null, true, readOnly)).await().indefinitely();
        assertFalse(write.allowed());
        assertEquals("OWNER", write.role(), "the key's owner still sees the organization");
        assertTrue(policy.check(new AccessQuery(owner, root, "member:read", null, true, readOnly)).await().indefinitely().allowed());
        AccessDecision elsewhere = policy.check(new AccessQuery(owner, child, "member:read", null, true, readOnly))
                .await().indefinitely();
        assertFalse(elsewhere.allowed());
        assertNull(elsewhere.role(), "a key bound to another organization does not even see this one");
    }

    private AccessDecision decide(UUID userId, UUID organizationId, String permission) {
        return view.decide(AccessQuery.of(userId, organizationId, permission));
    }
}
