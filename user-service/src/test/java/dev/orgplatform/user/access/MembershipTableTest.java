package dev.orgplatform.user.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.security.Role;

class MembershipTableTest {

    @Test
    void aRoleIsPutChangedAndRemoved() {
        MembershipTable table = new MembershipTable();
        UUID org = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        assertNull(table.role(org, user));
        table.put(org, user, Role.VIEWER);
        table.put(org, user, Role.OWNER);
        assertEquals(Role.OWNER, table.role(org, user));
        assertNull(table.role(user, org), "the pair is ordered");
        table.remove(org, user);
        assertNull(table.role(org, user));
        table.remove(org, UUID.randomUUID()); // nothing there: nothing happens
        assertEquals(0, table.size());
    }

    /** Random puts, changes and removals across many resizes agree with a plain map at every step's end. */
    @Test
    void itAgreesWithAMapThroughGrowthAndRemovals() {
        Random random = new Random(42);
        List<UUID> orgs = new ArrayList<>();
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            orgs.add(UUID.randomUUID());
        }
        for (int i = 0; i < 3_000; i++) {
            users.add(UUID.randomUUID());
        }
        MembershipTable table = new MembershipTable();
        Map<String, Role> expected = new HashMap<>();
        for (int step = 0; step < 60_000; step++) {
            UUID org = orgs.get(random.nextInt(orgs.size()));
            UUID user = users.get(random.nextInt(users.size()));
            if (random.nextInt(3) == 0) {
                table.remove(org, user);
                expected.remove(org + "/" + user);
            } else {
                Role role = Role.values()[random.nextInt(Role.values().length)];
                table.put(org, user, role);
                expected.put(org + "/" + user, role);
            }
        }
        assertEquals(expected.size(), table.size());
        for (UUID org : orgs) {
            for (UUID user : users.subList(0, 500)) {
                assertEquals(expected.get(org + "/" + user), table.role(org, user));
            }
        }
        table.clear();
        assertEquals(0, table.size());
        assertNull(table.role(orgs.get(0), users.get(0)));
    }

    /** Readers never see a role that was not put, nor miss one that stays, while a writer grows the table. */
    @Test
    void readersAnswerRightlyWhileTheTableGrows() throws Exception {
        MembershipTable table = new MembershipTable();
        UUID org = UUID.randomUUID();
        UUID steady = UUID.randomUUID();
        table.put(org, steady, Role.ADMIN);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                if (table.role(org, steady) != Role.ADMIN) {
                    wrong.set("the steady member's role was lost during a resize");
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200_000; i++) {
            table.put(UUID.randomUUID(), UUID.randomUUID(), Role.VIEWER);
        }
        writing.set(false);
        reader.join();
        assertNull(wrong.get(), wrong::get);
        assertTrue(table.size() > 200_000);
    }
}
