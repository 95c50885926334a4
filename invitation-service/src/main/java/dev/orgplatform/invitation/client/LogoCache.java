package dev.orgplatform.invitation.client;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.orgplatform.platform.security.Sha256;

/**
 * Logos the mails show, by the SHA-256 of their bytes. What a digest names never changes, so a logo read once need not
 * be read again, on any replica, and a new logo (another digest) is read at once: nothing to invalidate. Only bytes
 * that hash to the digest they were read for are kept (a logo replaced between the branding and the read is not).
 * Bounded by bytes, the least recently used out first.
 */
public class LogoCache {

    private final long budgetBytes;
    private final LinkedHashMap<String, byte[]> logos = new LinkedHashMap<>(16, 0.75f, true);
    private long heldBytes;

    public LogoCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The logo of this digest, or null when not held. */
    public synchronized byte[] get(String sha256) {
        return logos.get(sha256);
    }

    /** Keeps {@code bytes} under {@code sha256} when they hash to it and fit the budget; true when kept. */
    public boolean put(String sha256, byte[] bytes) {
        if (sha256 == null || bytes.length > budgetBytes || !sha256.equalsIgnoreCase(Sha256.hex(bytes))) {
            return false;
        }
        synchronized (this) {
            byte[] before = logos.put(sha256, bytes);
            heldBytes += bytes.length - (before == null ? 0 : before.length);
            for (Iterator<Map.Entry<String, byte[]>> eldest = logos.entrySet().iterator(); heldBytes > budgetBytes; ) {
                heldBytes -= eldest.next().getValue().length;
                eldest.remove();
            }
            return true;
        }
    }
}
