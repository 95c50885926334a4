package dev.orgplatform.user;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.MembershipTable;

/**
 * Heap retained by the access view's memberships: {@code args[0]} memberships (default 1,000,000) of users spread over
 * {@code args[1]} organizations (default 100,000), in the {@link MembershipTable} and, for comparison, in the map of
 * maps of boxed UUIDs it replaced. Not a test: run it by hand (README, "Benchmarking").
 */
public final class AccessViewFootprint {

    private AccessViewFootprint() {
    }

    public static void main(String[] args) {
        int memberships = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int organizations = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int users = memberships / 3; // a person belongs to three organizations on average
        UUID[] orgIds = new UUID[organizations];
        UUID[] userIds = new UUID[users];
        for (int i = 0; i < organizations; i++) {
            orgIds[i] = UUID.randomUUID();
        }
        for (int i = 0; i < users; i++) {
            userIds[i] = UUID.randomUUID();
        }
        long base = used();
        MembershipTable table = new MembershipTable();
        for (int i = 0; i < memberships; i++) {
            table.put(orgIds[i % organizations], userIds[i % users], Role.DEVELOPER);
        }
        long compact = used() - base;
        Map<UUID, Map<UUID, Role>> maps = new ConcurrentHashMap<>();
        for (int i = 0; i < memberships; i++) {
            // fresh UUID objects, as rows read from the database bring them
            maps.computeIfAbsent(new UUID(orgIds[i % organizations].getMostSignificantBits(),
                    orgIds[i % organizations].getLeastSignificantBits()), k -> new ConcurrentHashMap<>())
                    .put(new UUID(userIds[i % users].getMostSignificantBits(), userIds[i % users].getLeastSignificantBits()), Role.DEVELOPER);
        }
        long boxed = used() - base - compact;
        System.out.printf("%,d memberships (%,d organizations, %,d users): MembershipTable %,d MB (%d bytes each), "
                + "map of maps %,d MB (%d bytes each); table size %,d, maps %,d%n", memberships, organizations, users,
                compact >> 20, compact / memberships, boxed >> 20, boxed / memberships, table.size(), maps.size());
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
