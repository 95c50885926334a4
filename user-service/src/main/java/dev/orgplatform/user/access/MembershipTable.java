package dev.orgplatform.user.access;

import java.util.UUID;
import java.util.concurrent.locks.StampedLock;

import dev.orgplatform.platform.security.Role;

/**
 * Every membership of the access view in a few primitive arrays: organizations and users get dense int ids (two
 * longs per distinct UUID), a membership is one long key (organization id, user id) and one byte (the role). About
 * 20 bytes per membership instead of a map entry with boxed UUIDs; a million memberships take tens of megabytes.
 * Many readers (the check, on the I/O threads) never block: they read optimistically and retry under the read lock
 * only when a writer (the change feed) was at work meanwhile.
 */
public final class MembershipTable {

    private static final Role[] ROLES = Role.values();
    private static final int MIN_CAPACITY = 1 << 10;

    private final StampedLock lock = new StampedLock();

    // UUID -> dense id (1..), open addressing with linear probing; ids are never given back (a full reload clears)
    private long[] idMsb = new long[MIN_CAPACITY];
    private long[] idLsb = new long[MIN_CAPACITY];
    private int[] ids = new int[MIN_CAPACITY];
    private int idCount;

    // (organization id << 32 | user id) -> role ordinal + 1; key 0 marks a free slot
    private long[] keys = new long[MIN_CAPACITY];
    private byte[] roles = new byte[MIN_CAPACITY];
    private int size;

    /** The member's role there, or null. */
    public Role role(UUID organizationId, UUID userId) {
        long stamp = lock.tryOptimisticRead();
        byte found = find(organizationId, userId);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                found = find(organizationId, userId);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return found == 0 ? null : ROLES[found - 1];
    }

    public void put(UUID organizationId, UUID userId, Role role) {
        long stamp = lock.writeLock();
        try {
            long key = key(idOf(organizationId, true), idOf(userId, true));
            if ((size + 1) * 2 > keys.length) {
                resizeRoles(keys.length * 2);
            }
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    roles[i] = (byte) (role.ordinal() + 1);
                    return;
                }
                if (keys[i] == 0) {
                    keys[i] = key;
                    roles[i] = (byte) (role.ordinal() + 1);
                    size++;
                    return;
                }
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public void remove(UUID organizationId, UUID userId) {
        long stamp = lock.writeLock();
        try {
            int org = idOf(organizationId, false);
            int user = idOf(userId, false);
            if (org == 0 || user == 0) {
                return;
            }
            long key = key(org, user);
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != key) {
                if (keys[i] == 0) {
                    return;
                }
                i = (i + 1) & mask;
            }
            // backward-shift deletion: later entries of the same probe run move up, so no tombstones pile up
            for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
                int home = slot(keys[j], mask);
                boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
                if (movable) {
                    keys[i] = keys[j];
                    roles[i] = roles[j];
                    i = j;
                }
            }
            keys[i] = 0;
            roles[i] = 0;
            size--;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public void clear() {
        long stamp = lock.writeLock();
        try {
            idMsb = new long[MIN_CAPACITY];
            idLsb = new long[MIN_CAPACITY];
            ids = new int[MIN_CAPACITY];
            idCount = 0;
            keys = new long[MIN_CAPACITY];
            roles = new byte[MIN_CAPACITY];
            size = 0;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public int size() {
        long stamp = lock.readLock();
        try {
            return size;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Reads whatever the arrays hold now; a torn read is caught by the caller's validation (bounded: one pass at most). */
    private byte find(UUID organizationId, UUID userId) {
        int org = idOf(organizationId, false);
        int user = org == 0 ? 0 : idOf(userId, false);
        if (user == 0) {
            return 0;
        }
        long key = key(org, user);
        long[] k = keys;
        byte[] r = roles;
        if (k.length != r.length) {
            return 0; // mid-resize: validation fails and the locked read answers
        }
        int mask = k.length - 1;
        int i = slot(key, mask);
        for (int probes = 0; probes < k.length; probes++, i = (i + 1) & mask) {
            if (k[i] == key) {
                return r[i];
            }
            if (k[i] == 0) {
                return 0;
            }
        }
        return 0;
    }

    /** The UUID's dense id; 0 when unknown and not {@code assign}. Assigning happens under the write lock only. */
    private int idOf(UUID uuid, boolean assign) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        long[] m = idMsb;
        long[] l = idLsb;
        int[] v = ids;
        if (m.length != v.length || l.length != v.length) {
            return 0;
        }
        int mask = v.length - 1;
        int i = (int) mix(msb ^ (lsb * 31)) & mask;
        for (int probes = 0; probes < v.length; probes++, i = (i + 1) & mask) {
            if (v[i] == 0) {
                if (!assign) {
                    return 0;
                }
                if ((idCount + 1) * 2 > v.length) {
                    resizeIds(v.length * 2);
                    return idOf(uuid, true);
                }
                idMsb[i] = msb;
                idLsb[i] = lsb;
                ids[i] = ++idCount;
                return idCount;
            }
            if (m[i] == msb && l[i] == lsb) {
                return v[i];
            }
        }
        return 0;
    }

    private void resizeIds(int capacity) {
        long[] m = new long[capacity];
        long[] l = new long[capacity];
        int[] v = new int[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < ids.length; s++) {
            if (ids[s] != 0) {
                int i = (int) mix(idMsb[s] ^ (idLsb[s] * 31)) & mask;
                while (v[i] != 0) {
                    i = (i + 1) & mask;
                }
                m[i] = idMsb[s];
                l[i] = idLsb[s];
                v[i] = ids[s];
            }
        }
        idMsb = m;
        idLsb = l;
        ids = v;
    }

    private void resizeRoles(int capacity) {
        long[] k = new long[capacity];
        byte[] r = new byte[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != 0) {
                int i = slot(keys[s], mask);
                while (k[i] != 0) {
                    i = (i + 1) & mask;
                }
                k[i] = keys[s];
                r[i] = roles[s];
            }
        }
        keys = k;
        roles = r;
    }

    private static long key(int organization, int user) {
        return ((long) organization << 32) | (user & 0xffffffffL);
    }

    private static int slot(long key, int mask) {
        return (int) mix(key) & mask;
    }

    /** A 64-bit finalizer (murmur3's): neighbouring ids land far apart. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec3L;
        h ^= h >>> 33;
        return h;
    }
}
