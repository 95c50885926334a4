package dev.orgplatform.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * Faults against the real stack: {@code kill -9} of Kafka while organizations are created, a PostgreSQL restart
 * under load, {@code kill -9} of a service in the middle of a flow. Nothing answered 2xx is lost or applied twice,
 * failures are 503 problems, and everything recovers without restarting what was not killed. Every component a
 * test takes down is brought back after it, whatever happened.
 */
// after the classes that disturb nothing: it kills Kafka, PostgreSQL and services
@Order(Order.DEFAULT + 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Recovery waits: generous upper bounds, the figures printed tell the real times. */
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    private static LocalStack stack;
    private static Flows flows;

    /** Infrastructure this test took down and has not brought back yet. */
    private final Set<String> down = new LinkedHashSet<>();

    /** One organization creation, by whom, and its answer. */
    private record Creation(TestUsers.User owner, Http.Answer answer) {
    }

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
    }

    @AfterEach
    void restoreWhatWasTakenDown() {
        for (String component : down) {
            stack.restart(component);
        }
        down.clear();
        stack.startServices(Suite.ENV); // starts only those not ready: a killed one, or one that did not recover
    }


    @Test
    @Order(1)
    void everyOrganizationCreatedAroundAKafkaKillHasItsEventOwnerAndAccountExactlyOnce() throws Exception {
        List<TestUsers.User> owners = List.of(TestUsers.create("kafka-kill"), TestUsers.create("kafka-kill"),
                TestUsers.create("kafka-kill"), TestUsers.create("kafka-kill"));
        owners.forEach(TestUsers.User::token);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(owners.size());
        List<Future<List<Creation>>> work = new ArrayList<>();
        for (TestUsers.User owner : owners) {
            work.add(clients.submit(() -> {
                List<Creation> mine = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    mine.add(new Creation(owner, createOrganization(owner, "kafka-kill")));
                    answered.incrementAndGet();
                }
                return mine;
            }));
        }
        long outage;
        int duringOutage;
        try {
            await().atMost(RECOVERY).until(() -> answered.get() >= 20);
            stack.kill("kafka");
            down.add("kafka");
            long killed = System.nanoTime();
            int atKill = answered.get();
            // creations go on meanwhile: several clients' worth, and long enough for the relay to retry
            await().atMost(RECOVERY).until(() -> answered.get() >= atKill + 8 && System.nanoTime() - killed > 5_000_000_000L);
            duringOutage = answered.get() - atKill;
            stack.restart("kafka");
            down.remove("kafka");
            outage = System.nanoTime() - killed;
        } finally {
            clients.shutdown();
        }
        List<Creation> all = new ArrayList<>();
        for (Future<List<Creation>> f : work) {
            all.addAll(f.get());
        }

        List<Creation> created = all.stream().filter(c -> c.answer().ok()).toList();
        List<Http.Answer> failed = all.stream().map(Creation::answer).filter(a -> !a.ok()).toList();
        assertEquals(List.of(), failed.stream().filter(a -> !a.retryableProblem()).toList(), "a creation failed other than with a 503 problem or a lost race (409)");
        Map<String, TestUsers.User> ownerOf = new LinkedHashMap<>();
        for (Creation c : created) {
            ownerOf.put(JSON.readTree(c.answer().body()).get("id").asText(), c.owner());
        }
        assertEquals(created.size(), ownerOf.size(), "every creation made its own organization");

        // consumers of OrganizationCreated open the Owner's membership and the billing account, once each: the Owner
        // alone, once, holding the one seat used
        awaitEach(ownerOf.keySet(), org -> onlyTheOwner(org, ownerOf.get(org)) && flows.usedSeats(ownerOf.get(org), org) == 1);
        Topics.Tally events = Topics.tally(stack.config().kafkaBootstrap(), "organizations", "OrganizationCreated",
                subject -> ownerOf.containsKey(subject.substring(subject.indexOf('/') + 1)));
        for (String org : ownerOf.keySet()) {
            assertEquals(1L, events.distinctIds().get("organizations/" + org), "OrganizationCreated ids of " + org);
        }
        Figures.line(String.format("Kafka killed for %d ms: %d creations, %d answered 2xx (%d answered while Kafka was away), %d failed "
                + "(all 503 problems); OrganizationCreated records %d, duplicates on the topic %d, lost 0",
                outage / 1_000_000, all.size(), created.size(), duringOutage, failed.size(),
                events.records().values().stream().mapToLong(Long::longValue).sum(), events.duplicates()));
    }

    @Test
    @Order(2)
    void everyServiceRecoversFromAPostgresRestartUnderLoadWithoutLosingAnything() throws Exception {
        TestUsers.User owner = TestUsers.create("pg-restart");
        String org = flows.organization(owner);
        long outageFrom;
        long outageUntil;
        long restartMillis;
        Map<String, Long> readyAfter = new LinkedHashMap<>();
        Map<String, Integer> readyWhileDown = new LinkedHashMap<>();
        Load load = new Load(owner, org);
        try {
            pause(Duration.ofSeconds(3));
            stack.kill("postgres");
            down.add("postgres");
            outageFrom = System.nanoTime();
            pause(Duration.ofSeconds(6));
            for (String service : StackConfig.SERVICES) {
                Http.Answer ready = Http.get(flows.url(service) + "/q/health/ready", Map.of());
                readyWhileDown.put(service, ready.status());
            }
            outageUntil = System.nanoTime();
            stack.restart("postgres");
            down.remove("postgres");
            long back = System.nanoTime();
            restartMillis = (back - outageUntil) / 1_000_000;
            // every service turns ready again on its own, none restarted (30 s: "a few seconds", generously)
            readyAfter.putAll(readiness(back, Duration.ofSeconds(30)));
            pause(Duration.ofSeconds(3));
        } finally {
            load.close();
        }

        List<Http.Answer> answers = load.answers();
        List<Http.Answer> whileDown = answers.stream().filter(a -> a.sentNanos() > outageFrom && a.answeredNanos() < outageUntil).toList();
        Figures.line(String.format("PostgreSQL killed for %d ms, restarted in %d ms; ready again after (ms) %s; answers %d %s, of which "
                + "%d while it was down %s; committed meanwhile: %d organizations, %d invitations",
                (outageUntil - outageFrom) / 1_000_000, restartMillis, readyAfter, answers.size(), tally(answers), whileDown.size(),
                tally(whileDown), load.organizations().size(), load.invitations().size()));
        assertEquals(List.of(), readyWhileDown.entrySet().stream().filter(e -> e.getValue() != 503).toList(),
                "every service's readiness is DOWN (503) while PostgreSQL is down");
        assertEquals(StackConfig.SERVICES, List.copyOf(readyAfter.keySet()), "every service ready again without a restart");
        assertEquals(List.of(), first(answers.stream().filter(a -> !a.answered()).toList()), "every request got an answer");
        assertEquals(List.of(), first(answers.stream().filter(a -> !a.ok() && !a.retryableProblem()).toList()),
                "every failure is a 503 problem with Retry-After naming what is unavailable (or a 409 lost race), never a 500");
        assertFalse(whileDown.isEmpty(), "the load went on while PostgreSQL was down");
        assertEquals(List.of(), first(whileDown.stream().filter(a -> !a.retryableProblem()).toList()),
                "while PostgreSQL is down every answer is a 503 problem with Retry-After naming what is unavailable");

        // nothing committed is lost, and the consumers stopped by the outage resumed
        for (String created : load.organizations()) {
            Http.Answer read = Http.get(flows.url("org-service") + "/api/v1/organizations/" + created, Http.bearer(owner.token()));
            assertEquals(200, read.status(), read::toString);
        }
        awaitEach(load.organizations(), o -> "OWNER".equals(flows.role(o, owner.id())) && flows.usedSeats(owner, o) == 1);
        for (String invitation : load.invitations()) {
            Http.Answer read = Http.get(flows.url("invitation-service") + "/api/v1/organizations/" + org + "/invitations/" + invitation,
                    Http.bearer(owner.token()));
            assertEquals(200, read.status(), read::toString);
            assertTrue(read.body().contains("\"state\":\"PENDING\""), read::toString);
        }
        String after = flows.organization(owner);
        assertEquals("OWNER", flows.role(after, owner.id()));
        assertEquals(1L, flows.usedSeats(owner, after));

    }

    @Test
    @Order(3)
    void invitationsBeingAcceptedWhenInvitationServiceIsKilledEndAcceptedOrStillAcceptableWithExactSeats() throws Exception {
        TestUsers.User owner = TestUsers.create("kill-accept");
        String org = flows.organization(owner);
        int n = 10;
        List<TestUsers.User> invitees = new ArrayList<>();
        List<Flows.Invitation> invitations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestUsers.User invitee = TestUsers.create("kill-accept");
            invitee.token();
            invitees.add(invitee);
            invitations.add(flows.invite(owner, org, invitee.email(), "VIEWER"));
        }
        assertEquals(1L + n, flows.usedSeats(owner, org), "the Owner's seat and one per pending invitation");

        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Http.Answer>> accepts = new ArrayList<>();
        int inFlight;
        try {
            for (int i = 0; i < n; i++) {
                TestUsers.User invitee = invitees.get(i);
                String token = invitations.get(i).token();
                accepts.add(pool.submit(() -> {
                    Http.Answer a = accept(invitee, token);
                    answered.incrementAndGet();
                    return a;
                }));
            }
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(5)).until(() -> answered.get() >= 2);
            inFlight = n - answered.get();
            stack.kill("invitation-service");
            down.add("invitation-service");
        } finally {
            pool.shutdown();
        }
        List<Http.Answer> answers = new ArrayList<>();
        for (Future<Http.Answer> f : accepts) {
            answers.add(f.get());
        }
        stack.startServices(Map.of());
        down.remove("invitation-service");

        int acceptedBefore = 0;
        int acceptedAgain = 0;
        for (int i = 0; i < n; i++) {
            String state = state(owner, org, invitations.get(i).id());
            if (answers.get(i).ok()) {
                assertEquals("ACCEPTED", state, "an accept that answered 200 stands");
            }
            if ("PENDING".equals(state)) {
                Http.Answer again = accept(invitees.get(i), invitations.get(i).token());
                assertEquals(200, again.status(), "a cut-off acceptance can be made again: " + again);
                acceptedAgain++;
            } else {
                assertEquals("ACCEPTED", state, "accepted, or still acceptable");
                acceptedBefore++;
            }
        }

        // every invitee is a member once, and holds exactly one seat
        awaitEach(invitees.stream().map(TestUsers.User::id).toList(), id -> "VIEWER".equals(flows.role(org, id)));
        List<Map<String, Object>> members = flows.members(org);
        Set<Object> distinct = new HashSet<>(members.stream().map(m -> m.get("userId")).toList());
        assertEquals(members.size(), distinct.size(), "nobody is a member twice");
        assertEquals(1 + n, members.size());
        await().atMost(RECOVERY).until(() -> flows.usedSeats(owner, org) == members.size());
        Set<String> subjects = new HashSet<>(invitations.stream().map(i -> "invitations/" + i.id()).toList());
        Topics.Tally events = Topics.tally(stack.config().kafkaBootstrap(), "invitations", "InvitationAccepted", subjects::contains);
        for (String subject : subjects) {
            assertEquals(1L, events.distinctIds().get(subject), "one InvitationAccepted event for " + subject);
        }
        assertEquals(1L + n, flows.usedSeats(owner, org), "seats used equal the members: nothing counted twice");

        Figures.line(String.format("invitation-service killed with %d of %d accepts in flight: answers %s; accepted before the kill "
                + "or by its commit %d, cut off and accepted again %d; members %d, seats used %d; InvitationAccepted duplicates on the topic %d",
                inFlight, n, answers.stream().map(Http.Answer::status).toList(), acceptedBefore, acceptedAgain, members.size(),
                flows.usedSeats(owner, org), events.duplicates()));
    }

    @Test
    @Order(4)
    void anOwnershipTransferCutOffByKillingOrgServiceCompletesOrIsCleanlyRefused() throws Exception {
        int n = 4;
        List<TestUsers.User> owners = new ArrayList<>();
        List<TestUsers.User> admins = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestUsers.User owner = TestUsers.create("kill-transfer");
            String org = flows.organization(owner);
            owners.add(owner);
            orgs.add(org);
            admins.add(flows.member(owner, org, "ADMIN"));
        }
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Http.Answer>> transfers = new ArrayList<>();
        int inFlight;
        try {
            for (int i = 0; i < n; i++) {
                TestUsers.User owner = owners.get(i);
                String org = orgs.get(i);
                String newOwner = admins.get(i).id();
                long delay = 30L * i; // staggered, so the kill finds transfers at different steps
                transfers.add(pool.submit(() -> {
                    pause(Duration.ofMillis(delay));
                    Http.Answer a = transfer(owner, org, newOwner);
                    answered.incrementAndGet();
                    return a;
                }));
            }
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(5)).until(() -> answered.get() >= 1);
            inFlight = n - answered.get();
            stack.kill("org-service");
            down.add("org-service");
        } finally {
            pool.shutdown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Answer> f : transfers) {
            statuses.add(f.get().status());
        }
        stack.startServices(Map.of());
        down.remove("org-service");

        int completed = 0;
        int madeAgain = 0;
        for (int i = 0; i < n; i++) {
            String org = orgs.get(i);
            String oldOwner = owners.get(i).id();
            String newOwner = admins.get(i).id();
            String ownerId = ownerOf(owners.get(i), org);
            if (statuses.get(i) == 200) {
                assertEquals(newOwner, ownerId, "a transfer that answered 200 stands");
            }
            if (oldOwner.equals(ownerId)) {
                Http.Answer again = transfer(owners.get(i), org, newOwner);
                assertEquals(200, again.status(), "a cut-off transfer can be made again: " + again);
                madeAgain++;
            } else {
                assertEquals(newOwner, ownerId, "transferred, or still the old Owner's");
                completed++;
            }
            assertEquals(newOwner, ownerOf(admins.get(i), org));
            // user-service follows: exactly one Owner, the previous one an Admin
            await().atMost(RECOVERY).until(() -> "OWNER".equals(flows.role(org, newOwner)) && "ADMIN".equals(flows.role(org, oldOwner)));
            assertEquals(1, flows.members(org).stream().filter(m -> "OWNER".equals(m.get("role"))).count());
        }
        Figures.line(String.format("org-service killed with %d of %d transfers in flight: answers %s; completed by their commit %d, "
                + "cut off and made again %d", inFlight, n, statuses, completed, madeAgain));
    }

    // --- helpers

    private Http.Answer createOrganization(TestUsers.User owner, String prefix) {
        String body = "{\"name\":\"" + prefix + "-" + UUID.randomUUID().toString().substring(0, 12)
                + "\",\"displayName\":\"Fault test\",\"region\":\"EU\"}";
        return Http.post(flows.url("org-service") + "/api/v1/organizations", Http.bearer(owner.token()), body);
    }

    /** Whether the organization's only member is {@code owner}, as its Owner. */
    private static boolean onlyTheOwner(String org, TestUsers.User owner) {
        List<Map<String, Object>> members = flows.members(org);
        return members.size() == 1 && owner.id().equals(members.get(0).get("userId")) && "OWNER".equals(members.get(0).get("role"));
    }

    private Http.Answer accept(TestUsers.User invitee, String token) {
        return Http.post(flows.url("invitation-service") + "/api/v1/invitations/accept", Http.bearer(invitee.token()),
                "{\"token\":\"" + token + "\"}");
    }

    private Http.Answer transfer(TestUsers.User owner, String org, String newOwnerId) {
        return Http.post(flows.url("org-service") + "/api/v1/organizations/" + org + "/ownership", Http.bearer(owner.token()),
                "{\"newOwnerId\":\"" + newOwnerId + "\"}");
    }

    private String state(TestUsers.User owner, String org, String invitation) throws Exception {
        Http.Answer a = Http.get(flows.url("invitation-service") + "/api/v1/organizations/" + org + "/invitations/" + invitation,
                Http.bearer(owner.token()));
        assertEquals(200, a.status(), a::toString);
        return JSON.readTree(a.body()).get("state").asText();
    }

    private String ownerOf(TestUsers.User asker, String org) throws Exception {
        Http.Answer a = Http.get(flows.url("org-service") + "/api/v1/organizations/" + org, Http.bearer(asker.token()));
        assertEquals(200, a.status(), a::toString);
        return JSON.readTree(a.body()).get("ownerId").asText();
    }

    /**
     * Waits until {@code done} holds for every item, asking again only for those it does not hold for yet; an item
     * whose answer is not there yet (an assertion inside {@code done} failing) is asked again too.
     */
    private static void awaitEach(Collection<String> items, Predicate<String> done) {
        Set<String> pending = new LinkedHashSet<>(items);
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
            pending.removeIf(item -> {
                try {
                    return done.test(item);
                } catch (AssertionError e) {
                    return false;
                }
            });
            return pending.isEmpty();
        });
    }

    /** When each service answered ready after {@code since} (ms), polling all of them until {@code bound}. */
    private Map<String, Long> readiness(long since, Duration bound) throws InterruptedException {
        Map<String, Long> ready = new LinkedHashMap<>();
        long deadline = since + bound.toNanos();
        while (ready.size() < StackConfig.SERVICES.size() && System.nanoTime() < deadline) {
            for (String service : StackConfig.SERVICES) {
                if (!ready.containsKey(service) && Http.get(flows.url(service) + "/q/health/ready", Map.of()).status() == 200) {
                    ready.put(service, (System.nanoTime() - since) / 1_000_000);
                }
            }
            pause(Duration.ofMillis(100));
        }
        Map<String, Long> inOrder = new LinkedHashMap<>();
        StackConfig.SERVICES.stream().filter(ready::containsKey).forEach(s -> inOrder.put(s, ready.get(s)));
        return inOrder;
    }

    /** How many answers each service gave with each status, e.g. {@code {org-service 503=12, ...}}. */
    private static Map<String, Long> tally(List<Http.Answer> answers) {
        Map<String, Long> byStatus = new TreeMap<>();
        for (Http.Answer a : answers) {
            String port = a.url().replaceFirst("^http://[^:]+:(\\d+)/.*$", "$1");
            String service = StackConfig.SERVICES.stream().filter(s -> flows.url(s).endsWith(":" + port)).findFirst().orElse(port);
            byStatus.merge(service + " " + a.status() + (a.status() == 503 && !a.retryableProblem() ? " (not a problem with Retry-After)" : ""),
                    1L, Long::sum);
        }
        return byStatus;
    }

    /** At most the first five, so a failure message stays readable. */
    private static List<Http.Answer> first(List<Http.Answer> answers) {
        return answers.subList(0, Math.min(5, answers.size()));
    }

    private static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    /**
     * A steady load on all four services while PostgreSQL goes away and comes back: one client reading
     * (organization, members, limits, invitations), one creating organizations, one inviting.
     */
    private final class Load implements AutoCloseable {
        private final TestUsers.User owner;
        private final String org;
        private final List<Http.Answer> answers = new ArrayList<>();
        private final List<String> organizations = new ArrayList<>();
        private final List<String> invitations = new ArrayList<>();
        private final ExecutorService clients = Executors.newFixedThreadPool(3);
        private volatile boolean running = true;

        Load(TestUsers.User owner, String org) {
            this.owner = owner;
            this.org = org;
            clients.submit(this::read);
            clients.submit(() -> write(organizations, 1000, 200, () -> createOrganization(owner, "pg-load")));
            // 30 at most: the Free plan's 50 seats stay enough whatever reservations an outage leaves held
            clients.submit(() -> write(invitations, 30, 300, () -> Http.post(flows.url("invitation-service") + "/api/v1/organizations/" + org
                    + "/invitations", Http.bearer(owner.token()), "{\"email\":\"load-" + UUID.randomUUID()
                    + "@example.com\",\"name\":\"Load\",\"role\":\"VIEWER\",\"teams\":[\"My Team\"]}")));
        }

        private void read() {
            List<String> pages = List.of(flows.url("org-service") + "/api/v1/organizations/" + org,
                    flows.url("user-service") + "/api/v1/organizations/" + org + "/members",
                    flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits",
                    flows.url("invitation-service") + "/api/v1/organizations/" + org + "/invitations");
            for (int i = 0; running; i++) {
                record(Http.get(pages.get(i % pages.size()), Http.bearer(owner.token())));
                sleep(50);
            }
        }

        /** Writes until stopped or {@code most} succeeded, keeping the id of each 2xx. */
        private void write(List<String> ids, int most, long gapMillis, Supplier<Http.Answer> call) {
            while (running && count(ids) < most) {
                Http.Answer a = record(call.get());
                if (a.ok()) {
                    try {
                        synchronized (this) {
                            ids.add(JSON.readTree(a.body()).get("id").asText());
                        }
                    } catch (Exception e) {
                        throw new AssertionError("no id in " + a, e);
                    }
                }
                sleep(gapMillis);
            }
        }

        private synchronized int count(List<String> ids) {
            return ids.size();
        }

        private synchronized Http.Answer record(Http.Answer a) {
            answers.add(a);
            return a;
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        synchronized List<Http.Answer> answers() {
            return List.copyOf(answers);
        }

        synchronized List<String> organizations() {
            return List.copyOf(organizations);
        }

        synchronized List<String> invitations() {
            return List.copyOf(invitations);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
    }
}
