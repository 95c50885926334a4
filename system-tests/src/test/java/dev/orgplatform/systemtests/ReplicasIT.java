package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * Two instances of every service, each pair on one database and Kafka (org-, invitation- and billing-service-2 ask
 * user-service-2 for their decisions): what changes through instance 1 holds through instance 2 at once (a new key)
 * or within the staleness bound (revocations, removals, demotions, suspensions). What a restarted or killed
 * instance does is in {@link ReplicaFaultsIT}, outside verify. The times to agreement are printed, not asserted: the
 * bounds below are generous.
 */
// after the classes that disturb nothing: it runs extra instances
@Order(Order.DEFAULT + 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The issue asks for agreement within 1 s; waiting longer only tells a slow replica from one that never agrees. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** How long a refusing instance is watched for answering "allowed" again. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final int SAMPLES = 3;

    private static LocalStack stack;
    private static Flows flows;
    private static String user1;
    private static String user2;
    private static String invitation2;
    private static String org2;
    private static String billing2;
    /** A member who signed in while the replicas started: by the session-cap test their login is minutes old. */
    private static TestUsers.User earlyOwner;
    private static String earlyOrg;
    private static TestUsers.User earlyMember;
    private static long earlyLogin;

    @BeforeAll
    static void startTwoReplicas() {
        stack = Suite.services();
        flows = new Flows(stack);
        user1 = flows.url("user-service");
        earlyOwner = TestUsers.create("replica-session");
        earlyOrg = flows.organization(earlyOwner);
        earlyMember = flows.member(earlyOwner, earlyOrg, "VIEWER");
        earlyMember.token();
        earlyLogin = System.nanoTime();
        // the extra instances start side by side: the others only need user-service-2 once asked
        Map<String, String> askingUser2 = Map.of("PLATFORM_SERVICES_USER_SERVICE_URL", stack.replicaUrl("user-service", 2));
        CompletableFuture<String> users = CompletableFuture.supplyAsync(() -> stack.startReplica("user-service", 2, Map.of()));
        CompletableFuture<String> invitations = CompletableFuture.supplyAsync(() -> stack.startReplica("invitation-service", 2, askingUser2));
        CompletableFuture<String> organizations = CompletableFuture.supplyAsync(() -> stack.startReplica("org-service", 2, askingUser2));
        CompletableFuture<String> billing = CompletableFuture.supplyAsync(() -> stack.startReplica("billing-service", 2, askingUser2));
        user2 = users.join();
        invitation2 = invitations.join();
        org2 = organizations.join();
        billing2 = billing.join();
        warmUp();
    }

    /**
     * One organization read through every second instance until it answers: a JVM just started loads classes and
     * translates its first queries for seconds on this machine, and a caller's timeout must not count that as the
     * delay of a write (what the tests below measure).
     */
    private static void warmUp() {
        TestUsers.User owner = TestUsers.create("replica-warm-up");
        String org = flows.organization(owner);
        for (String url : List.of(org2 + "/api/v1/organizations/" + org, members(user2, org), invitations(invitation2, org),
                billing2 + "/api/v1/organizations/" + org + "/limits")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Http.get(url, Http.bearer(owner.token())).status() == 200);
        }
    }

    @AfterAll
    static void stopTheExtraReplicas() {
        stack.stop("user-service-2");
        for (String instance : List.of("invitation-service-2", "org-service-2", "billing-service-2")) {
            stack.stop(instance);
        }
    }

    @Test
    @Order(0)
    void everyWriteIsUsableByItsAuthorAtOnceOnEveryServiceThroughEitherReplica() throws Exception {
        // each request below is asked once: no sleep, no retry
        List<String> notAtOnce = new ArrayList<>();
        TestUsers.User owner = TestUsers.create("ryw-owner");
        Map<String, String> asOwner = Http.bearer(owner.token());
        String orgs = flows.url("org-service") + "/api/v1/organizations";

        Http.Answer created = Http.post(orgs, asOwner, "{\"name\":\"ryw-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"displayName\":\"Read your writes\",\"region\":\"EU\"}");
        assertEquals(201, created.status(), created::toString);
        String org = JSON.readTree(created.body()).get("id").asText();
        notAtOnce.addAll(usableAtOnce("a new organization", org, asOwner, true));
        flows.plan(owner, org, "PRO"); // sub-organizations come with Pro

        String childName = "ryw-child-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer child = Http.post(orgs + "/" + org + "/children", asOwner,
                "{\"name\":\"" + childName + "\",\"displayName\":\"Child\"}");
        assertEquals(201, child.status(), child::toString);
        String childId = JSON.readTree(child.body()).get("id").asText();
        notAtOnce.addAll(usableAtOnce("a new sub-organization", childId, asOwner, false));

        Http.Answer deleting = Http.delete(orgs + "/" + childId + "?confirm=" + childName, asOwner);
        assertEquals(202, deleting.status(), deleting::toString);
        Http.Answer restored = Http.post(orgs + "/" + childId + "/restore", asOwner, "{}");
        assertEquals(200, restored.status(), restored::toString);
        notAtOnce.addAll(usableAtOnce("a restored sub-organization", childId, asOwner, false));

        TestUsers.User invitee = TestUsers.create("ryw-invitee");
        Flows.Invitation invitation = flows.invite(owner, org, invitee.email(), "ADMIN");
        Http.Answer accepted = Http.post(flows.url("invitation-service") + "/api/v1/invitations/accept", Http.bearer(invitee.token()),
                "{\"token\":\"" + invitation.token() + "\"}");
        assertEquals(200, accepted.status(), accepted::toString);
        notAtOnce.addAll(usableAtOnce("an accepted invitation, for the invitee", org, Http.bearer(invitee.token()), true));

        TestUsers.User viewer = flows.member(owner, org, "VIEWER");
        Http.Answer promoted = Http.send("PATCH", members(user1, org) + "/" + viewer.id(), with(asOwner, "If-Match",
                memberETag(owner, org, viewer.id())), "{\"role\":\"ADMIN\"}");
        assertEquals(200, promoted.status(), promoted::toString);
        for (String users : List.of(user1, user2)) {
            Http.Answer seen = Http.get(members(users, org) + "/" + viewer.id(), asOwner);
            if (seen.status() != 200 || !seen.body().contains("\"role\":\"ADMIN\"")) {
                notAtOnce.add("a role change, read back by its author through " + users + ": " + seen);
            }
        }
        notAtOnce.addAll(usableAtOnce("a role change, for the promoted member", org, Http.bearer(viewer.token()), true));

        TestUsers.User developer = flows.member(owner, org, "VIEWER");
        Http.Answer granted = Http.send("PUT", members(user1, org) + "/" + developer.id() + "/products/ryw-product/permissions",
                asOwner, "{\"permissions\":[\"product:write\"]}");
        assertEquals(200, granted.status(), granted::toString);
        for (String users : List.of(user1, user2)) {
            Http.Answer decided = Http.post(users + "/api/v1/authorization/check", Http.bearer(Flows.serviceToken()),
                    "{\"userId\":\"" + developer.id() + "\",\"organizationId\":\"" + org
                            + "\",\"permission\":\"product:write\",\"productId\":\"ryw-product\"}");
            if (decided.status() != 200 || !decided.body().contains("\"allowed\":true")) {
                notAtOnce.add("a product grant, checked through " + users + ": " + decided);
            }
        }

        Map<String, Object> key = flows.createKey(owner, org, List.of("read", "member:invite"));
        notAtOnce.addAll(usableAtOnce("a new API key", org, Http.apiKey((String) key.get("secret")), true));

        assertEquals(List.of(), notAtOnce, "a write its author could not use at once");
    }

    /** The organization read through both instances of every service (billing: only where it keeps an account). */
    private List<String> usableAtOnce(String what, String org, Map<String, String> as, boolean billing) {
        List<String> urls = new ArrayList<>(List.of(
                flows.url("org-service") + "/api/v1/organizations/" + org, org2 + "/api/v1/organizations/" + org,
                members(user1, org), members(user2, org),
                invitations(flows.url("invitation-service"), org), invitations(invitation2, org)));
        if (billing) {
            urls.add(flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits");
            urls.add(billing2 + "/api/v1/organizations/" + org + "/limits");
        }
        List<String> refused = new ArrayList<>();
        for (String url : urls) {
            Http.Answer a = Http.get(url, as);
            if (a.status() != 200) {
                refused.add(what + ": GET " + url + " answered " + a);
            }
        }
        return refused;
    }

    @Test
    @Order(1)
    void aKeyWorksOnEveryReplicaAtOnceAndIsRefusedByTheOtherSoonAfterARevocationOrRotation() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-keys");
        String org = flows.organization(owner);
        Figures figures = new Figures("API keys changed on user-service-1, time until instance 2 refuses the old secret");
        List<String> notAtOnce = new ArrayList<>(); // collected, so the figures are printed even when keys arrive late
        for (int i = 0; i < 2 * SAMPLES; i++) {
            Map<String, Object> key = flows.createKey(owner, org, List.of("read", "member:invite"));
            String secret = (String) key.get("secret");
            notAtOnce.addAll(usableAtOnce(user2, invitation2, secret, org, "a key just created on user-service-1"));

            boolean rotate = i % 2 == 1;
            String keyPath = user1 + "/api/v1/organizations/" + org + "/api-keys/" + key.get("id");
            Http.Answer change = rotate ? Http.post(keyPath + "/rotate", Http.bearer(owner.token()), "{}")
                    : Http.delete(keyPath, Http.bearer(owner.token()));
            assertEquals(rotate ? 200 : 204, change.status(), change::toString);

            Map<String, Long> refused = Probe.timeToRefusal(change.answeredNanos(), List.of(
                    Probe.ofStatus("user-service-2", () -> Http.get(members(user2, org), Http.apiKey(secret)), 401),
                    Probe.ofStatus("invitation-service-2", () -> Http.get(invitations(invitation2, org), Http.apiKey(secret)), 401)),
                    BOUND, SETTLE);
            refused.forEach((instance, nanos) -> figures.add((rotate ? "rotated" : "revoked") + ": refused by " + instance, nanos));
            if (rotate) {
                notAtOnce.addAll(usableAtOnce(user2, invitation2, JSON.readTree(change.body()).get("secret").asText(), org,
                        "the secret a rotation on user-service-1 made"));
            }
        }
        figures.print();
        assertEquals(List.of(), notAtOnce, "the first use of a new secret on instance 2 is allowed");
    }

    @Test
    @Order(2)
    void aMemberRemovedDemotedOrSuspendedThroughOneReplicaIsDeniedByEveryServiceThroughTheOther() {
        TestUsers.User owner = TestUsers.create("replica-members");
        String org = flows.organization(owner);
        Figures figures = new Figures("an Admin changed through user-service-1, time until each service asking user-service-2 denies");
        for (int i = 0; i < 3 * SAMPLES; i++) {
            TestUsers.User admin = flows.member(owner, org, "ADMIN");
            Map<String, String> asAdmin = Http.bearer(admin.token());
            // each asks for a right an Admin has and a Viewer has not, and changes nothing
            List<Probe> probes = List.of(
                    Probe.ofStatus("user-service-2 audit log", () -> Http.get(user2 + "/api/v1/organizations/" + org + "/audit",
                            asAdmin), 403, 404),
                    Probe.ofStatus("invitation-service-2 invitations", () -> Http.get(invitations(invitation2, org), asAdmin), 403, 404),
                    Probe.ofStatus("billing-service-2 billing settings", () -> Http.get(billing2 + "/api/v1/organizations/" + org
                            + "/billing-settings", asAdmin), 403, 404),
                    Probe.answering("org-service-2 update (stale If-Match, 412 while allowed)", () -> Http.send("PATCH",
                            org2 + "/api/v1/organizations/" + org, with(asAdmin, "If-Match", "\"999999\""),
                            "{\"displayName\":\"Never applied\"}"), 412, 403, 404),
                    Probe.ofCheck("user-service-2 check", () -> check(user2, admin.id(), org, "member:manage")));
            // before the change every service lets the new Admin act (another reader: eventually, within the bound)
            await().atMost(BOUND).until(() -> probes.stream().allMatch(p -> p.allowed().test(p.call().get())));

            String change = List.of("removed", "demoted", "suspended").get(i % 3);
            Http.Answer answer = switch (change) {
                case "removed" -> Http.delete(members(user1, org) + "/" + admin.id(), Http.bearer(owner.token()));
                case "demoted" -> Http.send("PATCH", members(user1, org) + "/" + admin.id(), with(Http.bearer(owner.token()),
                        "If-Match", memberETag(owner, org, admin.id())), "{\"role\":\"VIEWER\"}");
                default -> Http.post(user1 + "/api/v1/users/" + admin.id() + "/suspension", Http.bearer(owner.token()),
                        "{\"reason\":\"replica test\"}");
            };
            assertEquals("removed".equals(change) ? 204 : 200, answer.status(), answer::toString);

            Probe.timeToRefusal(answer.answeredNanos(), probes, BOUND, SETTLE)
                    .forEach((probe, nanos) -> figures.add(change + ": " + probe, nanos));
        }
        figures.print();
    }

    @Test
    @Order(3)
    void newsPostedThroughEitherReplicaIsMailedToEachReaderOnceWhileBothReplicasDeliver() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-news");
        String org = flows.organization(owner);
        List<TestUsers.User> readers = List.of(flows.member(owner, org, "VIEWER"), flows.member(owner, org, "VIEWER"));
        for (TestUsers.User reader : readers) {
            Http.Answer chosen = Http.send("PUT", user2 + "/api/v1/users/me/notification-preferences", Http.bearer(reader.token()),
                    "{\"channels\":{\"DEPLOYMENTS\":[\"EMAIL\",\"IN_APP\"]}}");
            assertEquals(200, chosen.status(), chosen::toString);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        int posts = 10;
        for (int i = 0; i < posts; i++) {
            String through = i % 2 == 0 ? user1 : user2;
            Http.Answer posted = Http.post(through + "/api/v1/organizations/" + org + "/notifications", Http.bearer(owner.token()),
                    "{\"category\":\"DEPLOYMENTS\",\"title\":\"Release " + run + "-" + i + "\",\"body\":\"live\","
                            + "\"roles\":[\"VIEWER\"],\"key\":\"release-" + run + "-" + i + "\"}");
            assertEquals(200, posted.status(), posted::toString);
            assertEquals(2, JSON.readTree(posted.body()).path("told").asInt(), posted::toString);
        }
        // both replicas run the delivery job on the same rows: each mail goes out once, none twice
        Mailbox mailbox = Mailbox.of(StackProfile.TEST);
        java.util.function.Function<TestUsers.User, List<String>> releases = reader -> mailbox.messages(reader.email()).stream()
                .map(Mailbox.Mail::subject).filter(subject -> subject.startsWith("Release " + run)).toList();
        await().atMost(BOUND.multipliedBy(3)).until(() -> readers.stream().allMatch(r -> releases.apply(r).size() >= posts));
        Thread.sleep(3_000); // three delivery rounds more: a second sending of any of them would arrive by now
        for (TestUsers.User reader : readers) {
            List<String> mailed = releases.apply(reader);
            assertEquals(posts, mailed.size(), reader.email() + " " + mailed);
            assertEquals(posts, new java.util.HashSet<>(mailed).size(), "each release once: " + mailed);
        }
        Figures.line("news through both user-service replicas: " + posts + " posts x " + readers.size() + " readers mailed once each");
    }

    @Test
    @Order(4)
    void theKeysOfAnOrganizationDeletedThroughOneReplicaAreRefusedByEveryReplica() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-deleted");
        String org = flows.organization(owner);
        String secret = (String) flows.createKey(owner, org, List.of("read", "member:invite")).get("secret");
        assertEquals(List.of(), usableAtOnce(user2, invitation2, secret, org, "a key of an organization about to be deleted"));
        String name = JSON.readTree(Http.get(flows.url("org-service") + "/api/v1/organizations/" + org,
                Http.bearer(owner.token())).body()).get("name").asText();

        Http.Answer deleted = Http.delete(flows.url("org-service") + "/api/v1/organizations/" + org + "?confirm=" + name,
                Http.bearer(owner.token()));
        assertEquals(202, deleted.status(), deleted::toString);
        Figures figures = new Figures("organization deleted on org-service, time until each replica refuses its key");
        Probe.timeToRefusal(deleted.answeredNanos(), List.of(
                Probe.ofStatus("user-service-1", () -> Http.get(members(user1, org), Http.apiKey(secret)), 401, 403, 404),
                Probe.ofStatus("user-service-2", () -> Http.get(members(user2, org), Http.apiKey(secret)), 401, 403, 404),
                Probe.ofStatus("invitation-service-1", () -> Http.get(invitations(flows.url("invitation-service"), org),
                        Http.apiKey(secret)), 401, 403, 404),
                Probe.ofStatus("invitation-service-2", () -> Http.get(invitations(invitation2, org), Http.apiKey(secret)),
                        401, 403, 404)), BOUND, SETTLE).forEach(figures::add);
        figures.print();
    }

    @Test
    @Order(6)
    void theKeyOfAMemberRemovedOrSuspendedThroughOneReplicaIsRefusedByTheOthers() {
        TestUsers.User owner = TestUsers.create("replica-key-holder");
        String org = flows.organization(owner);
        Figures figures = new Figures("key holder changed through user-service-1, time until instance 2 refuses the key");
        for (boolean suspend : List.of(false, true)) {
            TestUsers.User admin = flows.member(owner, org, "ADMIN");
            String secret = (String) flows.createKey(admin, org, List.of("read", "member:invite")).get("secret");
            assertEquals(List.of(), usableAtOnce(user2, invitation2, secret, org, "an Admin's key"));
            Http.Answer change = suspend
                    ? Http.post(user1 + "/api/v1/users/" + admin.id() + "/suspension", Http.bearer(owner.token()),
                            "{\"reason\":\"replica test\"}")
                    : Http.delete(members(user1, org) + "/" + admin.id(), Http.bearer(owner.token()));
            assertEquals(suspend ? 200 : 204, change.status(), change::toString);
            Probe.timeToRefusal(change.answeredNanos(), List.of(
                    Probe.ofStatus("user-service-2", () -> Http.get(members(user2, org), Http.apiKey(secret)), 401, 403, 404),
                    Probe.ofStatus("invitation-service-2", () -> Http.get(invitations(invitation2, org), Http.apiKey(secret)),
                            401, 403, 404)), BOUND, SETTLE)
                    .forEach((instance, nanos) -> figures.add((suspend ? "holder suspended" : "holder removed") + ": refused by "
                            + instance, nanos));
        }
        figures.print();
    }

    @Test
    @Order(5)
    void anAllowlistSetThroughOrgService1IsHeldByEveryServiceThroughItsSecondInstance() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-allowlist");
        String org = flows.organization(owner);
        Figures figures = new Figures("IP allowlist set on org-service-1, time until each second instance refuses an address outside it");
        for (int i = 0; i < SAMPLES; i++) {
            Map<String, String> outside = AccessRulesIT.from(owner, "198.51.100.7");
            List<Probe> probes = List.of(
                    Probe.ofStatus("user-service-2 members", () -> Http.get(members(user2, org), outside), 403),
                    Probe.ofStatus("invitation-service-2 invitations", () -> Http.get(invitations(invitation2, org), outside), 403),
                    Probe.ofStatus("billing-service-2 limits", () -> Http.get(billing2 + "/api/v1/organizations/" + org + "/limits",
                            outside), 403),
                    Probe.ofStatus("org-service-2 organization", () -> Http.get(org2 + "/api/v1/organizations/" + org, outside), 403));
            await().atMost(BOUND).until(() -> probes.stream().allMatch(p -> p.allowed().test(p.call().get())));
            Http.Answer set = AccessRulesIT.setAllowlist(flows.url("org-service"), owner, org, List.of("203.0.113.0/24"), "203.0.113.5", false);
            assertEquals(200, set.status(), set::toString);
            Probe.timeToRefusal(set.answeredNanos(), probes, BOUND, SETTLE).forEach(figures::add);
            assertEquals(200, AccessRulesIT.setAllowlist(flows.url("org-service"), owner, org, List.of(), "203.0.113.5", false).status());
        }
        figures.print();
    }

    @Test
    @Order(7)
    void aSessionCapSetThroughOrgService1RefusesAnOldLoginThroughEverySecondInstance() throws Exception {
        // the early login must be older than the one-minute cap, and its token (five minutes) still valid
        long age = Duration.ofNanos(System.nanoTime() - earlyLogin).toSeconds();
        if (age < 65) {
            Thread.sleep((65 - age) * 1000); // only when this test runs alone
        }
        Map<String, String> asMember = Http.bearer(earlyMember.token());
        List<Probe> probes = List.of(
                Probe.ofStatus("user-service-2 members", () -> Http.get(members(user2, earlyOrg), asMember), 403),
                Probe.ofStatus("org-service-2 organization", () -> Http.get(org2 + "/api/v1/organizations/" + earlyOrg, asMember), 403));
        await().atMost(BOUND).until(() -> probes.stream().allMatch(p -> p.allowed().test(p.call().get())));
        Http.Answer set = AccessRulesIT.setSecurity(flows.url("org-service"), earlyOwner.freshToken(), earlyOrg,
                Map.of("enforce2fa", false, "ipAllowlist", List.of(), "maxSessionMinutes", 1), "127.0.0.1", false);
        assertEquals(200, set.status(), set::toString);
        Figures figures = new Figures("maxSessionMinutes 1 set on org-service-1, time until each second instance refuses a "
                + "login " + Duration.ofNanos(System.nanoTime() - earlyLogin).toSeconds() + " s old (its token still valid)");
        Probe.timeToRefusal(set.answeredNanos(), probes, BOUND, SETTLE).forEach(figures::add);
        figures.print();
        Http.Answer refused = Http.get(members(user2, earlyOrg), asMember);
        assertTrue(refused.body().contains("\"rule\":\"maxSessionMinutes\""), refused::toString);
        // a fresh login is let in
        assertEquals(200, Http.get(members(user2, earlyOrg), Http.bearer(earlyMember.freshToken())).status());
    }

    @Test
    @Order(8)
    void badInvitationTokensAreCountedAcrossBothInvitationServiceReplicas() {
        // one client behind the proxy (this machine, trusted), its guesses spread over both instances
        String client = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        Map<String, String> headers = Map.of("X-Forwarded-For", client);
        String body = "{\"token\":\"inv_guess\",\"name\":\"Guesser\",\"password\":\"pw-long-enough-1\"}";
        List<String> instances = List.of(flows.url("invitation-service"), invitation2);
        for (int i = 0; i < 10; i++) {
            Http.Answer a = Http.post(instances.get(i % 2) + "/api/v1/invitations/register", headers, body);
            assertEquals(400, a.status(), a::toString);
        }
        for (String instance : instances) {
            Http.Answer refused = Http.post(instance + "/api/v1/invitations/register", headers, body);
            assertEquals(429, refused.status(), refused::toString);
        }
        // another client behind the same proxy is not held up by it
        assertEquals(400, Http.post(invitation2 + "/api/v1/invitations/register", Map.of("X-Forwarded-For", "203.0.113.77"), body).status());
    }

    @Test
    @Order(9)
    void aMemberMovedThroughUserService1LeavesAndArrivesOnEveryServiceThroughItsSecondInstanceWithTheSeatAlong() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-move");
        String root = flows.treeRoot(owner);
        String a = flows.child(owner, root, "replica-move-a");
        String b = flows.child(owner, root, "replica-move-b");
        TestUsers.User moving = flows.member(owner, a, "ADMIN");
        List<Probe> inA = adminProbes(moving, a);
        List<Probe> inB = adminProbes(moving, b);
        await().atMost(BOUND).until(() -> inA.stream().allMatch(p -> p.allowed().test(p.call().get())));
        long seatsInA = seatsHere(billing2, owner, a);
        long seatsInB = seatsHere(billing2, owner, b);

        Http.Answer moved = Http.post(members(user1, a) + "/" + moving.id() + "/transfer", Http.bearer(owner.token()),
                "{\"toOrganizationId\":\"" + b + "\",\"role\":\"ADMIN\"}");
        assertEquals(200, moved.status(), moved::toString);

        Figures figures = new Figures("an Admin moved from A to B through user-service-1, time until each second instance refuses them in A");
        Probe.timeToRefusal(moved.answeredNanos(), inA, BOUND, SETTLE).forEach(figures::add);
        figures.print();
        await().atMost(BOUND).untilAsserted(() -> {
            for (Probe p : inB) {
                Http.Answer answer = p.call().get();
                assertTrue(p.allowed().test(answer), p.name() + " in B: " + answer);
            }
        });
        // the seat went along, as billing-service-2 counts it
        await().atMost(BOUND).until(() -> seatsHere(billing2, owner, b) == seatsInB + 1);
        assertEquals(seatsInA - 1, seatsHere(billing2, owner, a), "the seat left A");
    }

    @Test
    @Order(10)
    void brandingChangedThroughOneOrgServiceIsWornByMailsOfEitherInvitationServiceAndANewLogoAtOnce() throws Exception {
        TestUsers.User owner = TestUsers.create("replica-brand");
        String root = flows.treeRoot(owner);
        String child = flows.child(owner, root, "replica-brand-child");
        String org1 = flows.url("org-service");
        byte[] first = BrandingIT.image(600, 600, "png");
        byte[] second = BrandingIT.image(800, 600, "png");

        Http.Answer colour = Http.send("PUT", org1 + "/api/v1/organizations/" + root + "/branding", Http.bearer(owner.token()),
                "{\"primaryColor\":\"#123456\",\"mailDisplayName\":\"Replica Support\"}");
        assertEquals(200, colour.status(), colour::toString);
        Http.Answer logo = Http.send("PUT", org1 + "/api/v1/organizations/" + root + "/branding/logo", Http.bearer(owner.token()),
                logoBody(first));
        assertEquals(200, logo.status(), logo::toString);
        // org-service-2 reads what org-service-1 wrote, for the child beneath
        JsonNode effective = JSON.readTree(Http.get(org2 + "/api/v1/organizations/" + child + "/branding", Http.bearer(owner.token()))
                .body()).path("effective");
        assertEquals("#123456", effective.path("primaryColor").asText(), effective::toString);

        // a mail from each invitation-service instance wears it (each reads the logo once for its cache)
        for (String instance : List.of(flows.url("invitation-service"), invitation2)) {
            Mailbox.Mail mail = invitedThrough(instance, owner, child);
            assertTrue(mail.from().startsWith("Replica Support"), mail::from);
            assertTrue(mail.body().contains("#123456"), "the colour set through org-service-1");
            assertArrayEquals(first, mail.attachments().get(0).bytes(), instance + ": the logo inline");
        }
        // replaced through org-service-2: the next mail of each instance wears the new logo, never its cached one
        Http.Answer replaced = Http.send("PUT", org2 + "/api/v1/organizations/" + root + "/branding/logo", Http.bearer(owner.token()),
                logoBody(second));
        assertEquals(200, replaced.status(), replaced::toString);
        for (String instance : List.of(invitation2, flows.url("invitation-service"))) {
            assertArrayEquals(second, invitedThrough(instance, owner, child).attachments().get(0).bytes(), instance + ": the new logo");
        }
    }

    /** Questions only an Admin of {@code org} gets answered, one per service, each asked of its second instance. */
    private static List<Probe> adminProbes(TestUsers.User admin, String org) {
        Map<String, String> asAdmin = Http.bearer(admin.token());
        return List.of(
                Probe.ofStatus("user-service-2 audit log", () -> Http.get(user2 + "/api/v1/organizations/" + org + "/audit", asAdmin), 403, 404),
                Probe.ofStatus("invitation-service-2 invitations", () -> Http.get(invitations(invitation2, org), asAdmin), 403, 404),
                Probe.ofStatus("billing-service-2 billing settings", () -> Http.get(billing2 + "/api/v1/organizations/" + org
                        + "/billing-settings", asAdmin), 403, 404),
                Probe.ofStatus("org-service-2 organization", () -> Http.get(org2 + "/api/v1/organizations/" + org, asAdmin), 404),
                Probe.ofCheck("user-service-2 check", () -> check(user2, admin.id(), org, "member:manage")));
    }

    private static long seatsHere(String billing, TestUsers.User owner, String org) throws Exception {
        return Flows.quota(billing, owner, org, "users").path("usedHere").asLong();
    }

    /** The mail of an invitation into {@code org} made through {@code instance} (which sends it: the token is only there). */
    private static Mailbox.Mail invitedThrough(String instance, TestUsers.User owner, String org) {
        String email = "replica-brand-" + UUID.randomUUID() + "@example.com";
        Http.Answer invited = Http.post(invitations(instance, org), Http.bearer(owner.token()),
                "{\"email\":\"" + email + "\",\"name\":\"Invited Person\",\"role\":\"DEVELOPER\",\"teams\":[\"My Team\"]}");
        assertEquals(201, invited.status(), invited::toString);
        Mailbox.Mail mail = Mailbox.of(StackProfile.TEST).await(email, Duration.ofSeconds(30));
        assertEquals(1, mail.attachments().size(), mail.attachments()::toString);
        return mail;
    }

    private static String logoBody(byte[] png) {
        return "{\"mediaType\":\"image/png\",\"data\":\"" + java.util.Base64.getEncoder().encodeToString(png) + "\"}";
    }

    /** Uses {@code secret} once on each instance 2, with no retry: answers what was not allowed (nothing, if all is well). */
    static List<String> usableAtOnce(String user2, String invitation2, String secret, String org, String what) {
        List<String> refused = new ArrayList<>();
        for (Http.Answer a : List.of(Http.get(members(user2, org), Http.apiKey(secret)),
                Http.get(invitations(invitation2, org), Http.apiKey(secret)))) {
            if (a.status() != 200) {
                refused.add(what + ": " + a);
            }
        }
        return refused;
    }

    static Http.Answer check(String userService, String userId, String org) {
        return Http.post(userService + "/api/v1/authorization/check", Http.bearer(Flows.serviceToken()), Flows.readQuery(userId, org));
    }

    static Http.Answer check(String userService, String userId, String org, String permission) {
        return Http.post(userService + "/api/v1/authorization/check", Http.bearer(Flows.serviceToken()),
                Flows.query(userId, org, permission));
    }

    private static String memberETag(TestUsers.User owner, String org, String userId) {
        return given().auth().oauth2(owner.token()).get(members(user1, org) + "/" + userId).then().statusCode(200)
                .extract().header("ETag");
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    static String members(String userService, String org) {
        return userService + "/api/v1/organizations/" + org + "/members";
    }

    static String invitations(String invitationService, String org) {
        return invitationService + "/api/v1/organizations/" + org + "/invitations";
    }
}
