package dev.orgplatform.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgplatform.user.membership.service.MembershipService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Which sub-organizations lack an Admin of their own: one with an Admin is fine, one whose only Admin is suspended
 * there or as a user is not, a root never counts, one pending deletion is left out; the shallowest first.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class SubOrganizationsWithoutAdminTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MembershipService memberships;

    @Test
    void everySubOrganizationWithoutAnAdminOfItsOwnIsListedAndNoOther() throws Throwable {
        Database db = new Database(dataSource);
        UUID root = node(db, null, true);
        UUID staffed = node(db, root, true);
        UUID bare = node(db, root, true);
        UUID deep = node(db, staffed, true);
        UUID suspendedHere = node(db, root, true);
        UUID suspendedUser = node(db, root, true);
        node(db, root, false); // pending deletion: not listed
        UUID managerOnly = node(db, staffed, true);

        db.insertMembership(root, UUID.randomUUID().toString(), "OWNER");
        db.insertMembership(staffed, user(db, "ACTIVE"), "ADMIN");
        String suspendedThere = user(db, "ACTIVE");
        db.insertMembership(suspendedHere, suspendedThere, "ADMIN");
        db.execute("insert into member_suspension (id, organization_id, user_id, reason, suspended_by, suspended_at) values (?, ?, ?, 'test', ?, now())",
                UUID.randomUUID(), suspendedHere, UUID.fromString(suspendedThere), UUID.randomUUID());
        db.insertMembership(suspendedUser, user(db, "SUSPENDED"), "ADMIN");
        db.insertMembership(managerOnly, user(db, "ACTIVE"), "MANAGER");

        List<UUID> without = withoutAdmin(root);
        assertEquals(5, without.size(), "bare, suspended here, suspended user, then deep and manager-only: " + without);
        assertEquals(Set.of(bare, suspendedHere, suspendedUser), Set.copyOf(without.subList(0, 3)), "level 2 first");
        assertEquals(Set.of(deep, managerOnly), Set.copyOf(without.subList(3, 5)), "then level 3");
        assertEquals(Set.of(deep, managerOnly), Set.copyOf(withoutAdmin(staffed)),
                "from a sub-organization: those below it (it has an Admin itself)");
    }

    private List<UUID> withoutAdmin(UUID organizationId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> memberships.subOrganizationsWithoutAdmin(organizationId));
    }

    private static UUID node(Database db, UUID parent, boolean available) {
        UUID id = UUID.randomUUID();
        db.execute("insert into organization_node (id, parent_id, available) values (?, ?, ?)", id, parent, available);
        return id;
    }

    private static String user(Database db, String status) {
        UUID id = UUID.randomUUID();
        db.execute("insert into user_profile (id, email, name, status, created_at, version) values (?, ?, 'Test', ?, now(), 0)", id,
                id + "@example.com", status);
        return id.toString();
    }
}
