package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How an API key's scopes and organization narrow its owner's rights (pure logic). */
class ApiKeyGrantTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    @Test
    void readCoversOnlyReads() {
        ApiKeyGrant key = grant("read");
        assertTrue(key.covers("device:read"));
        assertFalse(key.covers("device:write"));
        assertFalse(key.covers("member:invite"));
    }

    @Test
    void writeCoversReadsAndWritesButNotAdministration() {
        ApiKeyGrant key = grant("write");
        assertTrue(key.covers("firmware:read"));
        assertTrue(key.covers("firmware:write"));
        assertFalse(key.covers("firmware:delete"));
        assertFalse(key.covers("billing:manage"));
    }

    @Test
    void aPermissionNameCoversExactlyThatPermission() {
        ApiKeyGrant key = grant("member:invite");
        assertTrue(key.covers("member:invite"));
        assertFalse(key.covers("member:read"));
    }

    @Test
    void aKeyIsRefusedOutsideItsOrganizationAndScopes() {
        ApiKeyGrant key = grant("read");
        assertNull(new AccessQuery(USER, ORG, "organization:read", null, true, key).apiKeyRefusal());
        assertEquals("the API key is bound to another organization",
                new AccessQuery(USER, UUID.randomUUID(), "organization:read", null, true, key).apiKeyRefusal());
        String refusal = new AccessQuery(USER, ORG, "member:invite", null, true, key).apiKeyRefusal();
        assertTrue(refusal.startsWith("the API key's scopes [read] do not cover member:invite"), refusal);
        assertTrue(refusal.contains("make a key whose scopes name member:invite"), refusal);
        assertNull(AccessQuery.of(USER, ORG, "member:invite").apiKeyRefusal(), "a token is not narrowed");
    }

    private static ApiKeyGrant grant(String... scopes) {
        return new ApiKeyGrant(UUID.randomUUID(), USER, ORG, List.of(scopes), Instant.now().plusSeconds(3600));
    }
}
