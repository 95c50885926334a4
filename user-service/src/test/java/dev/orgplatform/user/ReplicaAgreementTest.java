package dev.orgplatform.user;

import static dev.orgplatform.user.Fixture.check;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every replica agrees on what the database holds: a fact another replica committed (here written straight into the
 * database, bypassing this instance) is allowed at once when it grants (the denial is decided again after a fresh
 * poll of the change feed) and denied within a second when it revokes. Organization facts change only for a newer
 * event of org-service.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class ReplicaAgreementTest {

    private static final Logger LOG = Logger.getLogger(ReplicaAgreementTest.class);
    private static final Duration AGREEMENT = Duration.ofSeconds(1);

    @Inject
    AgroalDataSource dataSource;

    private Database db;

    @BeforeEach
    void database() {
        db = new Database(dataSource);
    }

    @Test
    void aMembershipCommittedElsewhereIsAllowedAtOnceAndItsRemovalIsDeniedWithinASecond() {
        TestUsers.User owner = TestUsers.create("agree-owner");
        TestUsers.User dev = TestUsers.create("agree-dev");
        UUID org = Fixture.organization(owner);
        check(dev.id(), org, "product:write").then().body("allowed", equalTo(false)).body("reason", equalTo("not a member"));

        db.insertMembership(org, dev.id(), "DEVELOPER");
        long granted = System.nanoTime();
        check(dev.id(), org, "product:write").then().statusCode(200).body("allowed", equalTo(true)).body("role", equalTo("DEVELOPER"));
        long grantMs = (System.nanoTime() - granted) / 1_000_000;

        db.execute("delete from membership where organization_id = ? and user_id = ?", org, UUID.fromString(dev.id()));
        long removalMs = untilDenied(dev.id(), org, "product:write");
        assertEquals("not a member", check(dev.id(), org, "product:write").then().extract().path("reason"));
        LOG.infof("AGREEMENT: a membership committed elsewhere allowed by the first check (%d ms, a catch-up poll included); "
                + "its removal denied after %d ms", grantMs, removalMs);
    }

    @Test
    void aSuspensionCommittedElsewhereIsDeniedWithinASecondAndItsLiftingAllowedAtOnce() {
        TestUsers.User owner = TestUsers.create("agree-s-owner");
        TestUsers.User member = TestUsers.create("agree-s-member");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, member, "VIEWER", "My Team");

        db.execute("update user_profile set status = 'SUSPENDED', version = version + 1 where id = ?", UUID.fromString(member.id()));
        long suspendedMs = untilDenied(member.id(), org, "organization:read");
        check(member.id(), org, "organization:read").then().body("reason", equalTo("user is suspended"));

        db.execute("update user_profile set status = 'ACTIVE', version = version + 1 where id = ?", UUID.fromString(member.id()));
        check(member.id(), org, "organization:read").then().body("allowed", equalTo(true));
        LOG.infof("AGREEMENT: a suspension committed elsewhere denied after %d ms; its lifting allowed by the first check",
                suspendedMs);
    }

    @Test
    void anOrganizationEventOlderThanTheLastAppliedForThatFactChangesNothing() {
        TestUsers.User owner = TestUsers.create("agree-o-owner");
        UUID org = Fixture.organization(owner);
        long deletion = System.currentTimeMillis() * 2000; // above every sequence KafkaEvents numbers on its own
        Fixture.KAFKA.publish("organizations", org, UUID.randomUUID().toString(), "OrganizationDeletionScheduled", "/org-service",
                Fixture.write(Map.of("organizationId", org, "purgeAfter", "2030-01-01T00:00:00Z")), deletion);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(owner.id(), org, "organization:read").then()
                .body("allowed", equalTo(false)).body("reason", containsString("unavailable")));

        // a restore from before the deletion, delivered late (say re-driven from a dead-letter topic)
        String stale = UUID.randomUUID().toString();
        Fixture.KAFKA.publish("organizations", org, stale, "OrganizationRestored", "/org-service",
                Fixture.write(Map.of("organizationId", org)), deletion - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(
                "select count(*) from processed_event where consumer = 'user-service/organizations' and event_id = ?", stale) == 1);
        check(owner.id(), org, "organization:read").then().body("allowed", equalTo(false))
                .body("reason", containsString("unavailable"));
        assertEquals(deletion, db.queryLong("select availability_version from organization_node where id = ?", org));

        Fixture.KAFKA.publish("organizations", org, UUID.randomUUID().toString(), "OrganizationRestored", "/org-service",
                Fixture.write(Map.of("organizationId", org)), deletion + 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> check(owner.id(), org, "organization:read").then()
                .body("allowed", equalTo(true)));
    }

    /** How many ms from now until the check denies (it must within the agreement bound). */
    private static long untilDenied(String userId, UUID org, String permission) {
        long since = System.nanoTime();
        await().atMost(AGREEMENT).pollInterval(Duration.ofMillis(5))
                .until(() -> !check(userId, org, permission).then().extract().<Boolean> path("allowed"));
        return (System.nanoTime() - since) / 1_000_000;
    }
}
