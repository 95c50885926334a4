package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * A member moved between two organizations of one tree by an Admin of both, across the packaged services: they leave
 * one with their teams, rights and keys there and arrive in the other with the new role; the tree's seat count stays
 * and the seat moves along; one event and one audit entry on each side. Every refusal changes nothing.
 */
class MemberTransferIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLED = Duration.ofSeconds(30);

    private static LocalStack stack;
    private static Flows flows;

    @BeforeAll
    static void theSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
    }

    @Test
    void anAdminOfBothSidesMovesAMemberWhoseSeatGoesAlongWithOneEventAndOneAuditEntryOnEachSide() throws Exception {
        TestUsers.User owner = TestUsers.create("move-owner");
        String root = flows.treeRoot(owner);
        String a = flows.child(owner, root, "move-a");
        String b = flows.child(owner, root, "move-b");
        TestUsers.User admin = flows.member(owner, root, "ADMIN"); // an Admin of the root manages both beneath it
        TestUsers.User dev = flows.member(owner, a, "DEVELOPER");
        String key = (String) flows.createKey(dev, a, List.of("read")).get("secret");
        await().atMost(SETTLED).until(() -> usage(owner, a, "apiKeys").path("usedHere").asLong() == 1);
        long treeSeats = usage(owner, root, "users").path("used").asLong();
        long seatsInA = usage(owner, a, "users").path("usedHere").asLong();
        long seatsInB = usage(owner, b, "users").path("usedHere").asLong();

        Http.Answer moved = transfer(admin, a, dev.id(), b, "VIEWER");
        assertEquals(200, moved.status(), moved::toString);
        JsonNode member = JSON.readTree(moved.body());
        assertEquals(b, member.path("organizationId").asText());
        assertEquals("VIEWER", member.path("role").asText());
        assertEquals("[\"My Team\"]", member.path("teams").toString(), "a place in the default team, as an invitation gives");

        // the caller may act on it at once: gone from A, a Viewer of B, as every service is told
        assertEquals(null, flows.role(a, dev.id()));
        assertEquals("VIEWER", flows.role(b, dev.id()));
        given().auth().oauth2(dev.token()).get(flows.url("org-service") + "/api/v1/organizations/" + b).then().statusCode(200);
        await().atMost(SETTLED).untilAsserted(() -> given().auth().oauth2(dev.token())
                .get(flows.url("org-service") + "/api/v1/organizations/" + a).then().statusCode(404));
        await().atMost(SETTLED).until(() -> Http.get(flows.url("org-service") + "/api/v1/organizations?limit=1", Http.apiKey(key)).status() == 401);

        // the seat went along, the tree counts the same; the key's seat in A came back with its revocation
        await().atMost(SETTLED).until(() -> usage(owner, b, "users").path("usedHere").asLong() == seatsInB + 1);
        assertEquals(seatsInA - 1, usage(owner, a, "users").path("usedHere").asLong(), "the seat left A");
        assertEquals(treeSeats, usage(owner, root, "users").path("used").asLong(), "the tree counts the same people");
        await().atMost(SETTLED).until(() -> usage(owner, a, "apiKeys").path("usedHere").asLong() == 0);

        // one event on each side, keyed by that side's organization
        KafkaEvents kafka = new KafkaEvents(stack.config().kafkaBootstrap());
        List<ConsumerRecord<String, String>> out = kafka.awaitAll("memberships", r -> a.equals(r.key())
                && "MemberTransferredOut".equals(KafkaEvents.header(r, "ce_type")), 1, SETTLED);
        List<ConsumerRecord<String, String>> in = kafka.awaitAll("memberships", r -> b.equals(r.key())
                && "MemberTransferredIn".equals(KafkaEvents.header(r, "ce_type")), 1, SETTLED);
        assertEquals(1, out.size(), out::toString);
        assertEquals(1, in.size(), in::toString);
        JsonNode told = JSON.readTree(in.get(0).value());
        assertEquals(a, told.path("fromOrganizationId").asText(), told::toString);
        assertEquals(b, told.path("toOrganizationId").asText());
        assertEquals("DEVELOPER", told.path("previousRole").asText());
        assertEquals("VIEWER", told.path("role").asText());

        // one audit entry on each side, naming who did it
        await().atMost(SETTLED).untilAsserted(() -> {
            JsonNode leftA = audit(owner, a, "MemberTransferredOut");
            JsonNode arrivedB = audit(owner, b, "MemberTransferredIn");
            assertEquals(1, leftA.size(), leftA::toString);
            assertEquals(1, arrivedB.size(), arrivedB::toString);
            assertEquals(admin.id(), leftA.get(0).path("actorId").asText(), leftA::toString);
        });
        Figures.line("member transfer: moved A → B as VIEWER by an Admin of both; users seats of the tree " + treeSeats + " before and after, "
                + "A " + seatsInA + " → " + (seatsInA - 1) + ", B " + seatsInB + " → " + (seatsInB + 1) + "; one event and one audit entry per side");
    }

    @Test
    void aMoveOutOfTheTreeOfTheOwnerByAnAdminOfOneSideOrToWhereTheyAreIsRefusedAndChangesNothing() throws Exception {
        TestUsers.User owner = TestUsers.create("move-refused");
        String root = flows.treeRoot(owner);
        String a = flows.child(owner, root, "refuse-a");
        String b = flows.child(owner, root, "refuse-b");
        String elsewhere = flows.organization(owner);
        TestUsers.User dev = flows.member(owner, a, "DEVELOPER");
        TestUsers.User adminOfA = flows.member(owner, a, "ADMIN");
        TestUsers.User inBoth = flows.member(owner, a, "VIEWER");
        flows.accept(inBoth, flows.invite(owner, b, inBoth.email(), "VIEWER").token()).then().statusCode(200);
        await().atMost(SETTLED).until(() -> "VIEWER".equals(flows.role(b, inBoth.id())));
        long treeSeats = usage(owner, root, "users").path("used").asLong();

        Http.Answer otherTree = transfer(owner, a, dev.id(), elsewhere, "DEVELOPER");
        assertEquals(409, otherTree.status(), otherTree::toString);
        assertEquals("toOrganizationId", field(otherTree));
        Http.Answer theOwner = transfer(owner, root, owner.id(), a, "ADMIN");
        assertEquals(409, theOwner.status(), theOwner::toString);
        assertEquals("userId", field(theOwner));
        Http.Answer there = transfer(owner, a, inBoth.id(), b, "VIEWER");
        assertEquals(409, there.status(), there::toString);
        assertEquals("toOrganizationId", field(there));
        Http.Answer same = transfer(owner, a, dev.id(), a, "VIEWER");
        assertEquals(400, same.status(), same::toString);
        assertEquals("toOrganizationId", field(same));
        Http.Answer toOwner = transfer(owner, a, dev.id(), b, "OWNER");
        assertEquals(400, toOwner.status(), toOwner::toString);
        assertEquals("role", field(toOwner));
        Http.Answer unknownRole = Http.post(transferUrl(a, dev.id()), Http.bearer(owner.token()),
                "{\"toOrganizationId\":\"" + b + "\",\"role\":\"CHIEF\"}");
        assertEquals(400, unknownRole.status(), unknownRole::toString);
        assertTrue(unknownRole.body().contains("role"), unknownRole::toString);
        // an Admin of A alone does not see B: B is not theirs to staff
        Http.Answer notTheirs = transfer(adminOfA, a, dev.id(), b, "VIEWER");
        assertEquals(404, notTheirs.status(), notTheirs::toString);
        // a Developer manages nobody
        Http.Answer developer = transfer(dev, a, adminOfA.id(), b, "VIEWER");
        assertEquals(403, developer.status(), developer::toString);

        assertEquals("DEVELOPER", flows.role(a, dev.id()), "every refusal left the member where they were");
        assertEquals(null, flows.role(b, dev.id()));
        assertEquals("OWNER", flows.role(root, owner.id()));
        assertEquals(treeSeats, usage(owner, root, "users").path("used").asLong());
        Figures.line("member transfer refused: another tree 409, the Owner 409, already there 409, the same organization 400, "
                + "OWNER or an unknown role 400, an Admin of one side 404, a Developer 403; nothing moved");
    }

    private static Http.Answer transfer(TestUsers.User caller, String from, String userId, String to, String role) {
        return Http.post(transferUrl(from, userId), Http.bearer(caller.token()),
                "{\"toOrganizationId\":\"" + to + "\",\"role\":\"" + role + "\"}");
    }

    private static String transferUrl(String from, String userId) {
        return flows.url("user-service") + "/api/v1/organizations/" + from + "/members/" + userId + "/transfer";
    }

    private static String field(Http.Answer answer) throws Exception {
        return JSON.readTree(answer.body()).path("errors").path(0).path("field").asText();
    }

    private static JsonNode usage(TestUsers.User owner, String org, String resource) throws Exception {
        return Flows.quota(flows.url("billing-service"), owner, org, resource);
    }

    private static JsonNode audit(TestUsers.User owner, String org, String action) throws Exception {
        return JSON.readTree(Http.get(flows.url("user-service") + "/api/v1/organizations/" + org + "/audit?action=" + action,
                Http.bearer(owner.token())).body()).path("items");
    }
}
