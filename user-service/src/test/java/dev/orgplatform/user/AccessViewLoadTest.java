package dev.orgplatform.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessView;
import dev.orgplatform.user.access.service.AccessViewLoader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The view loaded again from the database (as after a long poll outage) holds every membership, however many fetches
 * the snapshot takes, and nothing removed before it.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class AccessViewLoadTest {

    /** More than two fetches of the snapshot's cursor. */
    private static final int MEMBERSHIPS = 12_345;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AccessViewLoader loader;
    @Inject
    AccessView view;

    @Test
    void aReloadStreamsEveryMembershipIntoTheView() {
        Database db = new Database(dataSource);
        String prefix = "load-" + UUID.randomUUID();
        int written = db.execute("""
                insert into membership (id, organization_id, user_id, role, created_at, version)
                select gen_random_uuid(), md5(?::text || '-org-' || (i % 100))::uuid, md5(?::text || '-user-' || i)::uuid,
                       case when i % 2 = 0 then 'VIEWER' else 'ADMIN' end, now(), 0
                from generate_series(0, ?::int - 1) i""", prefix, prefix, MEMBERSHIPS);
        assertEquals(MEMBERSHIPS, written);
        UUID removedOrg = UUID.randomUUID();
        UUID removedUser = UUID.randomUUID();
        db.insertMembership(removedOrg, removedUser.toString(), "ADMIN");
        db.execute("delete from membership where organization_id = ?", removedOrg);
        try {
            loader.load().await().atMost(Duration.ofSeconds(60));

            for (int i : new int[] { 0, 1, 4_999, 5_000, 10_001, MEMBERSHIPS - 1 }) {
                assertEquals(i % 2 == 0 ? Role.VIEWER : Role.ADMIN, view.roleIn(uuid(prefix + "-org-" + (i % 100)), uuid(prefix + "-user-" + i)),
                        "membership " + i);
            }
            assertNull(view.roleIn(uuid(prefix + "-org-1"), uuid(prefix + "-user-0")), "no membership there");
            assertNull(view.roleIn(removedOrg, removedUser), "removed before the load");
        } finally {
            db.execute("delete from membership where user_id in (select md5(?::text || '-user-' || i)::uuid from generate_series(0, ?::int - 1) i)",
                    prefix, MEMBERSHIPS);
        }
    }

    /** What PostgreSQL's {@code md5(text)::uuid} gives. */
    private static UUID uuid(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (d[i] & 0xff);
                lsb = (lsb << 8) | (d[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
