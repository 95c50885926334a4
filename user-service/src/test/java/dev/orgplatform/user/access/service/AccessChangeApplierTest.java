package dev.orgplatform.user.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.user.access.AccessChange;
import dev.orgplatform.user.access.AccessFact;
import dev.orgplatform.user.apikey.service.ApiKeyRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Rows as the database's triggers write them (to_jsonb), applied to a view and a registry. */
class AccessChangeApplierTest {

    private final AccessView view = new AccessView();
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

    private boolean allowed(String permission) {
        return view.decide(AccessQuery.of(user, org, permission)).allowed();
    }

    private AccessChange membership(long id, boolean deleted, String role) {
        return new AccessChange(id, deleted, new AccessFact(AccessFact.MEMBERSHIP, new JsonObject().put("id", UUID.randomUUID().toString())
                .put("organization_id", org.toString()).put("user_id", user.toString()).put("role", role)));
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
