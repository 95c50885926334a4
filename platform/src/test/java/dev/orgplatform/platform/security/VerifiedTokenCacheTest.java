package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokenCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedTokenCache cache = new VerifiedTokenCache(2, now::get);

    @Test
    void aTokenIsKnownUntilItExpiresAndOnlyByItsWholeText() {
        SecurityIdentity alice = identity("alice");
        cache.remember("header.claims.signature", alice, 1_300);
        assertSame(alice, cache.get("header.claims.signature"));
        assertNull(cache.get("header.claims.signaturE"));
        assertNull(cache.get("header.claims.signature "));
        now.set(1_299);
        assertSame(alice, cache.get("header.claims.signature"));
        now.set(1_300);
        assertNull(cache.get("header.claims.signature"), "expired at its exp second");
        assertEquals(0, cache.size());
    }

    @Test
    void anExpiredTokenIsNeverRemembered() {
        cache.remember("t", identity("bob"), 1_000);
        assertNull(cache.get("t"));
    }

    @Test
    void whenFullTheExpiredGoFirstAndNothingIsRememberedWhileNoneHas() {
        cache.remember("a", identity("a"), 1_100);
        cache.remember("b", identity("b"), 1_500);
        cache.remember("c", identity("c"), 1_500);
        assertNull(cache.get("c"), "full: not remembered");
        assertEquals(2, cache.size());
        now.set(1_200); // a has expired
        cache.remember("c", identity("c"), 1_500);
        assertEquals("c", cache.get("c").getPrincipal().getName());
        assertEquals("b", cache.get("b").getPrincipal().getName());
        assertNull(cache.get("a"));
    }

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build();
    }
}
