package dev.orgplatform.invitation.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.security.Sha256;

class LogoCacheTest {

    private static byte[] logo(int size, int fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void aLogoIsHeldByTheDigestOfItsBytes() {
        LogoCache cache = new LogoCache(1_000);
        byte[] png = logo(100, 1);
        assertTrue(cache.put(Sha256.hex(png), png));
        assertArrayEquals(png, cache.get(Sha256.hex(png)));
        assertNull(cache.get(Sha256.hex(logo(100, 2))), "another logo is another digest: read anew");
    }

    @Test
    void bytesThatDoNotHashToTheDigestAreNotKept() {
        LogoCache cache = new LogoCache(1_000);
        byte[] old = logo(100, 1);
        byte[] replaced = logo(100, 2); // the logo changed between the branding and the read
        assertFalse(cache.put(Sha256.hex(old), replaced));
        assertNull(cache.get(Sha256.hex(old)));
        assertFalse(cache.put(null, old));
    }

    @Test
    void theLeastRecentlyUsedGoOnceTheBudgetIsPassed() {
        LogoCache cache = new LogoCache(250);
        byte[] a = logo(100, 1);
        byte[] b = logo(100, 2);
        byte[] c = logo(100, 3);
        cache.put(Sha256.hex(a), a);
        cache.put(Sha256.hex(b), b);
        assertNotNull(cache.get(Sha256.hex(a))); // a used after b
        cache.put(Sha256.hex(c), c);
        assertNull(cache.get(Sha256.hex(b)), "b, least recently used, made room");
        assertNotNull(cache.get(Sha256.hex(a)));
        assertNotNull(cache.get(Sha256.hex(c)));
        assertFalse(cache.put(Sha256.hex(logo(300, 4)), logo(300, 4)), "larger than the whole budget");
        assertNotNull(cache.get(Sha256.hex(a)), "and nothing evicted for it");
    }
}
