package dev.orgplatform.user.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.user.access.AccessChange;
import dev.orgplatform.user.access.AccessFact;
import dev.orgplatform.user.apikey.service.ApiKeyRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Rows as the database's triggers write them (to_jsonb), applied to a view and a registry. */
class AccessChangeApplierTest {

    private final AccessView view = new AccessView(new PlatformClock());
    private final ApiKeyRegistry registry = new ApiKeyRegistry();
    private final AccessChangeApplier applier = new AccessChangeApplier(view, registry);
    private final UUID org = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();

    AccessChangeApplierTest() {
        applier.load(new AccessFact(AccessFact.ORGANIZATION, new JsonObject().put("id", org.toString()).putNull("parent_id")
                .put("available", true).put("enforce_2fa", false)));
    }

    @Test
    void anOlderChangeReadAgainNeverUndoesANewerOne() {
        assertTrue(applier.apply(membership(10, false, "DEVELOPER")));
        assertTrue(applier.apply(membership(11, true, "DEVELOPER")));
        assertFalse(applier.apply(membership(10, false, "DEVELOPER")), "read again by the next poll");
        assertFalse(allowed("organization:read"), "the removal stands");
        assertTrue(applier.apply(membership(12, false, "VIEWER")), "invited again later");
        assertTrue(allowed("organization:read"));
    }

    @Test
    void changesTheLoadedSnapshotShowsChangeNothingWhenReadAgain() {
        applier.load(membership(0, false, "ADMIN").fact());
        applier.remember(membership(20, false, "DEVELOPER"));
        applier.remember(membership(21, false, "ADMIN"));
        assertFalse(applier.apply(membership(20, false, "DEVELOPER")));
        assertTrue(allowed("member:manage"), "still the role the snapshot shows");
    }

    @Test
    void aSuspensionAndProductGrantsFollowTheirRows() {
        applier.apply(membership(1, false, "VIEWER"));
        applier.apply(new AccessChange(2, false, new AccessFact(AccessFact.SUSPENSION,
                new JsonObject().put("id", user.toString()).put("status", "SUSPENDED"))));
        assertEquals("user is suspended", view.decide(AccessQuery.of(user, org, "organization:read")).reason());
        applier.apply(new AccessChange(3, false, new AccessFact(AccessFact.SUSPENSION,
                new JsonObject().put("id", user.toString()).put("status", "ACTIVE"))));
        assertTrue(allowed("organization:read"));

        applier.apply(grant(4, false));
        assertTrue(view.decide(new AccessQuery(user, org, "device:write", "p-1", null)).allowed());
        applier.apply(grant(5, true));
        assertFalse(view.decide(new AccessQuery(user, org, "device:write", "p-1", null)).allowed());
    }

    @Test
    void aKeyIsLiveUntilRevokedAndARotationKillsTheOldSecret() {
        UUID key = UUID.randomUUID();
        Instant now = Instant.now();
        applier.apply(apiKey(1, key, "a".repeat(64), null));
        assertNotNull(registry.grant("a".repeat(64), now));
        assertEquals(List.of("read"), registry.grant("a".repeat(64), now).scopes());
        applier.apply(apiKey(2, key, "b".repeat(64), null));
        assertNull(registry.grant("a".repeat(64), now), "rotated");
        assertNotNull(registry.grant("b".repeat(64), now));
        applier.apply(apiKey(3, key, "b".repeat(64), "2026-01-01T00:00:00+00:00"));
        assertNull(registry.grant("b".repeat(64), now), "revoked");
        applier.apply(apiKey(2, key, "b".repeat(64), null));
        assertNull(registry.grant("b".repeat(64), now), "the rotation read again does not revive it");
    }

    @Test
    void sendersClocksNeverOrderChanges() {
        Instant now = Instant.now();
        // the demotion was stamped by a replica 10 minutes behind, the grant before it by one 10 minutes ahead
        AccessChange granted = membership(30, false, "ADMIN", now.plus(Duration.ofMinutes(10)));
        AccessChange demoted = membership(31, false, "VIEWER", now.minus(Duration.ofMinutes(10)));
        for (List<AccessChange> arrival : List.of(List.of(granted, demoted), List.of(demoted, granted),
                List.of(demoted, granted, demoted, granted))) {
            AccessChangeApplier fresh = freshApplier();
            arrival.forEach(fresh::apply);
            assertEquals("VIEWER", freshView.decide(AccessQuery.of(user, org, "member:manage")).role(), "arrived " + arrival);
            assertFalse(freshView.decide(AccessQuery.of(user, org, "member:manage")).allowed());
        }
    }

    @Test
    void aReGrantAfterARemovalHoldsWhateverOrderTheChangesArriveIn() {
        AccessChange granted = membership(40, false, "ADMIN");
        AccessChange removed = membership(41, true, "ADMIN");
        AccessChange grantedAgain = membership(42, false, "DEVELOPER"); // a new row: its own id, its counter from 1 again
        for (List<AccessChange> arrival : permutations(List.of(granted, removed, grantedAgain))) {
            AccessChangeApplier fresh = freshApplier();
            arrival.forEach(fresh::apply);
            assertEquals("DEVELOPER", freshView.decide(AccessQuery.of(user, org, "product:write")).role(), "arrived " + arrival);
        }
        for (List<AccessChange> arrival : permutations(List.of(granted, removed))) {
            AccessChangeApplier fresh = freshApplier();
            arrival.forEach(fresh::apply);
            assertEquals("not a member", freshView.decide(AccessQuery.of(user, org, "product:write")).reason(), "arrived " + arrival);
        }
    }

    @Test
    void anOrganizationMovedBetweenTwoGrantsTakesTheRoleOfItsNewestParent() {
        UUID left = UUID.randomUUID();
        UUID right = UUID.randomUUID();
        UUID moving = UUID.randomUUID();
        AccessChange leftRoot = organization(50, left, null);
        AccessChange rightRoot = organization(51, right, null);
        AccessChange adminLeft = membership(52, false, "ADMIN", left);
        AccessChange viewerRight = membership(53, false, "VIEWER", right);
        AccessChange underLeft = organization(54, moving, left);
        AccessChange movedRight = organization(60, moving, right);
        for (List<AccessChange> moves : permutations(List.of(underLeft, movedRight))) {
            AccessChangeApplier fresh = freshApplier();
            List.of(leftRoot, rightRoot, adminLeft, viewerRight).forEach(fresh::apply);
            moves.forEach(fresh::apply);
            AccessDecision d = freshView.decide(AccessQuery.of(user, moving, "member:manage"));
            assertEquals("VIEWER", d.role(), "arrived " + moves);
            assertFalse(d.allowed(), "the Admin of the old parent keeps nothing of the moved organization");
        }
    }

    @Test
    void twoSuspensionDecisionsOnOneUserEndInTheLaterOneWhateverTheArrival() {
        // decided at once in two organizations: the database serialized them on the user's row (70, then 71)
        AccessChange suspended = suspension(70, "SUSPENDED");
        AccessChange lifted = suspension(71, "ACTIVE");
        for (List<AccessChange> arrival : permutations(List.of(suspended, lifted, suspended))) {
            AccessChangeApplier fresh = freshApplier();
            fresh.apply(membership(1, false, "VIEWER"));
            arrival.forEach(fresh::apply);
            assertTrue(freshView.decide(AccessQuery.of(user, org, "organization:read")).allowed(), "arrived " + arrival);
        }
    }

    @Test
    void suspensionsDecidedInTwoOrganizationsAtOnceAreTwoFactsWhateverTheArrival() {
        UUID other = UUID.randomUUID();
        AccessChange otherOrg = organization(80, other, null);
        AccessChange memberHere = membership(81, false, "DEVELOPER");
        AccessChange memberThere = membership(82, false, "DEVELOPER", other);
        AccessChange suspendedHere = memberSuspension(90, org, false);
        AccessChange suspendedThere = memberSuspension(91, other, false);
        AccessChange liftedHere = memberSuspension(92, org, true);
        for (List<AccessChange> arrival : permutations(List.of(suspendedHere, suspendedThere, liftedHere))) {
            AccessChangeApplier fresh = freshApplier();
            List.of(otherOrg, memberHere, memberThere).forEach(fresh::apply);
            arrival.forEach(fresh::apply);
            arrival.forEach(fresh::apply); // and each once more
            assertTrue(freshView.decide(AccessQuery.of(user, org, "product:write")).allowed(), "arrived " + arrival);
            assertEquals("member is suspended in organization " + other,
                    freshView.decide(AccessQuery.of(user, other, "product:write")).reason(), "arrived " + arrival);
        }
    }

    private AccessView freshView;

    /** Another replica: an empty view that knows {@code org}, fed its own order of arrival. */
    private AccessChangeApplier freshApplier() {
        freshView = new AccessView(new PlatformClock());
        AccessChangeApplier fresh = new AccessChangeApplier(freshView, new ApiKeyRegistry());
        fresh.load(new AccessFact(AccessFact.ORGANIZATION, new JsonObject().put("id", org.toString()).putNull("parent_id")
                .put("available", true).put("enforce_2fa", false)));
        return fresh;
    }

    private static List<List<AccessChange>> permutations(List<AccessChange> changes) {
        if (changes.size() <= 1) {
            return List.of(changes);
        }
        List<List<AccessChange>> all = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            List<AccessChange> rest = new ArrayList<>(changes);
            AccessChange first = rest.remove(i);
            for (List<AccessChange> tail : permutations(rest)) {
                List<AccessChange> one = new ArrayList<>(List.of(first));
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }

    private boolean allowed(String permission) {
        return view.decide(AccessQuery.of(user, org, permission)).allowed();
    }

    private AccessChange membership(long id, boolean deleted, String role) {
        return membership(id, deleted, role, Instant.now());
    }

    private AccessChange membership(long id, boolean deleted, String role, UUID organization) {
        return new AccessChange(id, deleted, new AccessFact(AccessFact.MEMBERSHIP, new JsonObject().put("id", UUID.randomUUID().toString())
                .put("organization_id", organization.toString()).put("user_id", user.toString()).put("role", role)
                .put("created_at", Instant.now().toString()).put("version", 1)));
    }

    /** A membership row as a replica whose clock reads {@code stampedAt} wrote it. */
    private AccessChange membership(long id, boolean deleted, String role, Instant stampedAt) {
        return new AccessChange(id, deleted, new AccessFact(AccessFact.MEMBERSHIP, new JsonObject().put("id", UUID.randomUUID().toString())
                .put("organization_id", org.toString()).put("user_id", user.toString()).put("role", role)
                .put("created_at", stampedAt.toString()).put("version", 1)));
    }

    private AccessChange organization(long id, UUID organization, UUID parent) {
        return new AccessChange(id, false, new AccessFact(AccessFact.ORGANIZATION, new JsonObject().put("id", organization.toString())
                .put("parent_id", parent == null ? null : parent.toString()).put("available", true).put("enforce_2fa", false)));
    }

    private AccessChange memberSuspension(long id, UUID organization, boolean deleted) {
        return new AccessChange(id, deleted, new AccessFact(AccessFact.MEMBER_SUSPENSION, new JsonObject()
                .put("id", UUID.randomUUID().toString()).put("organization_id", organization.toString())
                .put("user_id", user.toString()).put("reason", "r")));
    }

    private AccessChange suspension(long id, String status) {
        return new AccessChange(id, false, new AccessFact(AccessFact.SUSPENSION,
                new JsonObject().put("id", user.toString()).put("status", status)));
    }

    private AccessChange grant(long id, boolean deleted) {
        return new AccessChange(id, deleted, new AccessFact(AccessFact.PRODUCT_PERMISSION, new JsonObject()
                .put("organization_id", org.toString()).put("user_id", user.toString()).put("product_id", "p-1")
                .put("permission", "device:write")));
    }

    private AccessChange apiKey(long id, UUID key, String hash, String revokedAt) {
        return new AccessChange(id, false, new AccessFact(AccessFact.API_KEY, new JsonObject().put("id", key.toString())
                .put("organization_id", org.toString()).put("user_id", user.toString()).put("secret_hash", hash)
                .put("scopes", new JsonArray().add("read")).put("expires_at", "2099-01-01T00:00:00.123456+00:00")
                .put("revoked_at", revokedAt)));
    }
}
