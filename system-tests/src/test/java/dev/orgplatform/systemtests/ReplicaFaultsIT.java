package dev.orgplatform.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * Second instances of user- and invitation-service under faults: a replica restarted while Kafka is stopped never
 * allows a revoked member, and one killed with {@code kill -9} while a key was revoked refuses the key once back.
 * A fault run, outside verify (about 3.5 minutes): {@code ./mvnw -o -pl system-tests verify -Dit.test=ReplicaFaultsIT}.
 */
// after the classes that disturb nothing: it stops Kafka and kills replicas
@Order(Order.DEFAULT + 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFaultsIT {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofMillis(500);

    private static LocalStack stack;
    private static Flows flows;
    private static String user1;
    private static String user2;
    private static String invitation2;

    @BeforeAll
    static void startSecondInstances() {
        stack = Suite.services();
        flows = new Flows(stack);
        user1 = flows.url("user-service");
        CompletableFuture<String> users = CompletableFuture.supplyAsync(() -> stack.startReplica("user-service", 2, Map.of()));
        CompletableFuture<String> invitations = CompletableFuture.supplyAsync(() -> stack.startReplica("invitation-service", 2,
                Map.of("PLATFORM_SERVICES_USER_SERVICE_URL", stack.replicaUrl("user-service", 2))));
        user2 = users.join();
        invitation2 = invitations.join();
    }

    @AfterAll
    static void stopTheSecondInstances() {
        stack.stop("user-service-2");
        stack.stop("invitation-service-2");
    }

    @Test
    @Order(1)
    void aRevokedMemberIsNeverAllowedWhileAReplicaRestartsWithKafkaStopped() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-restart");
        String org = flows.organization(owner);
        TestUsers.User viewer = flows.member(owner, org, "VIEWER");
        // without Kafka no watermark of org-service arrives: a check may deny, or fail closed (503), never allow
        Probe onReplica2 = Probe.ofCheckFailingClosed("user-service-2 check", () -> ReplicasIT.check(user2, viewer.id(), org));
        await().atMost(BOUND).until(() -> onReplica2.allowed().test(onReplica2.call().get()));
        List<Probe> probes = List.of(
                Probe.ofCheckFailingClosed("user-service-1 check", () -> ReplicasIT.check(user1, viewer.id(), org)),
                onReplica2,
                Probe.ofStatus("user-service-2 members page", () -> Http.get(ReplicasIT.members(user2, org), Http.bearer(viewer.token())), 403, 404,
                        503),
                Probe.ofStatus("org-service organization", () -> Http.get(flows.url("org-service") + "/api/v1/organizations/" + org,
                        Http.bearer(viewer.token())), 403, 404, 503));

        boolean kafkaStopped = false;
        try {
            // the revocation is committed through user-service-1 just before Kafka goes: its event may still be in the outbox
            Http.Answer removed = Http.delete(ReplicasIT.members(user1, org) + "/" + viewer.id(), Http.bearer(owner.token()));
            assertEquals(204, removed.status(), removed::toString);
            long reached = Probe.timeToRefusal(removed.answeredNanos(), List.of(onReplica2), BOUND, SETTLE).get(onReplica2.name());
            stack.stop("kafka");
            long stopped = System.nanoTime();
            kafkaStopped = true;
            // no watermark of org-service comes through: every check fails closed within the bound
            await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(() -> ReplicasIT.check(user2, owner.id(), org).status() == 503);
            long failedClosed = System.nanoTime() - stopped;
            Http.Answer closed = ReplicasIT.check(user2, owner.id(), org);
            assertTrue(closed.retryableProblem() && closed.body().contains("\"unavailable\":\"kafka\""),
                    () -> "a check failing closed names Kafka: " + closed);
            try (Watch watch = new Watch(probes)) {
                await().atMost(BOUND).until(() -> watch.refusals("user-service-2 check") > 0);
                long refusedBeforeRestart = watch.refusals("user-service-2 check");
                long t0 = System.nanoTime();
                stack.stop("user-service-2");
                stack.startReplica("user-service", 2, Map.of());
                long restarted = System.nanoTime() - t0;
                // once ready, the restarted instance answers, failing closed, before Kafka is back
                await().atMost(BOUND).until(() -> watch.refusals("user-service-2 check") > refusedBeforeRestart);
                long kafkaBack = System.nanoTime();
                stack.restart("kafka");
                kafkaStopped = false;
                // the relays publish again: the revocation, and org-service's watermarks; replica 2 decides again
                new KafkaEvents(stack.config().kafkaBootstrap()).await("memberships",
                        r -> "MembershipRevoked".equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(viewer.id()),
                        Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> ReplicasIT.check(user2, viewer.id(), org).status() == 200);
                long caughtUp = System.nanoTime() - kafkaBack;
                long watched = watch.refusals("user-service-2 check");
                await().atMost(BOUND).until(() -> watch.refusals("user-service-2 check") > watched + 50);
                watch.close();
                Figures.line("A removal through user-service-1 refused by user-service-2 after " + reached / 1_000_000
                        + " ms; every check of user-service-2 failing closed (503) " + failedClosed / 1_000_000
                        + " ms after Kafka had stopped; user-service-2 restarted in " + restarted / 1_000_000 + " ms; decisions again (not 503) "
                        + caughtUp / 1_000_000 + " ms after Kafka was started again (its start included); answers meanwhile "
                        + watch.summary());
                assertEquals(List.of(), watch.allowed(), "a revoked member was allowed during the restart");
            }
        } finally {
            if (kafkaStopped) {
                stack.restart("kafka");
            }
        }
        assertNull(flows.role(org, viewer.id()), "the revocation stands");
    }

    @Test
    @Order(2)
    void aKeyRevokedWhileAReplicaWasKilledIsRefusedByItOnceItIsBack() {
        TestUsers.User owner = TestUsers.create("replica-killed");
        String org = flows.organization(owner);
        Map<String, Object> key = flows.createKey(owner, org, List.of("read", "member:invite"));
        String secret = (String) key.get("secret");
        // the second instances may still be warming up (class loading, first queries): usable once they answer at all
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ReplicasIT.usableAtOnce(user2, invitation2, secret, org, "a key about to be revoked").isEmpty());

        stack.kill("user-service-2"); // kill -9: no shutdown hook, nothing flushed
        Http.Answer revoked = Http.delete(user1 + "/api/v1/organizations/" + org + "/api-keys/" + key.get("id"),
                Http.bearer(owner.token()));
        assertEquals(204, revoked.status(), revoked::toString);
        long t0 = System.nanoTime();
        stack.startReplica("user-service", 2, Map.of());
        Figures.line("user-service-2 killed, key revoked on user-service-1, user-service-2 ready again after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        // never allowed: refused, or 503 while its view cannot yet show it is current (then refused within the bound)
        for (String url : List.of(ReplicasIT.members(user2, org), ReplicasIT.invitations(invitation2, org))) {
            long deadline = System.nanoTime() + BOUND.toNanos();
            int status;
            do {
                status = Http.get(url, Http.apiKey(secret)).status();
                assertNotEquals(200, status, url + " allowed a key revoked while its user-service was down");
            } while (status != 401 && System.nanoTime() < deadline);
            assertEquals(401, status, url + " after user-service-2's restart");
        }
    }
}
