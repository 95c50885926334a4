package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.KeycloakUsers;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Invitations through the four packaged services on the real stack, with the real SMTP server: the mail's
 * link makes the membership once, resend kills the old link, revoke and expiry give the seat back, a new
 * user registers through the link, strangers see nothing, and the last seats go to exactly as many invitations.
 */
class InvitationFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("(\\S+)/accept\\?token=(inv_[A-Za-z0-9_-]+)");

    private static LocalStack stack;
    private static Mailbox mailbox;
    private static KafkaEvents kafka;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
        mailbox = new Mailbox(stack.config());
        kafka = new KafkaEvents(stack.config().kafkaBootstrap());
    }


    @Test
    void theMailedLinkMakesTheMembershipOnce() {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User bob = TestUsers.create("bob");
        String org = organization(alice);
        long usedBefore = usedSeats(alice, org);

        String id = invite(alice, org, bob.email(), "DEVELOPER", List.of("My Team"), "welcome aboard")
                .then().statusCode(201).body("state", equalTo("PENDING")).body("deliveryState", equalTo("SENT"))
                .body("role", equalTo("DEVELOPER")).body("teams", hasItem("My Team")).body("note", equalTo("welcome aboard"))
                .extract().path("id");
        assertEquals(usedBefore + 1, usedSeats(alice, org), "a pending invitation holds a seat");

        Mailbox.Mail mail = mailbox.await(bob.email(), Duration.ofSeconds(30));
        Matcher link = LINK.matcher(mail.body());
        assertTrue(link.find(), "the mail carries the accept link: " + mail.body());
        assertEquals(stack.config().consoleUrl() + "/invitations", link.group(1), "the console's landing page");
        String token = link.group(2);
        assertTrue(token.length() >= 4 + 22, "at least 128 bits of token");

        accept(bob, token).then().statusCode(200).body("organizationId", equalTo(org)).body("userId", equalTo(bob.id()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("DEVELOPER", memberRole(alice, org, bob.id())));
        accept(bob, token).then().statusCode(400).body("title", equalTo("Invalid invitation"));

        given().auth().oauth2(alice.token()).when().get(invitations(org) + "/" + id)
                .then().statusCode(200).body("state", equalTo("ACCEPTED")).body("acceptedBy", equalTo(bob.id()));
        // the seat now belongs to the member: still one more than before the invitation
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(usedBefore + 1, usedSeats(alice, org)));
    }

    @Test
    void anInvitationFollowsTheRules() throws Exception {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User existing = TestUsers.create("existing");
        String org = organization(alice);

        invite(alice, org, "x-" + UUID.randomUUID() + "@example.com", "OWNER", List.of("My Team"), null)
                .then().statusCode(400).body("errors.field", hasItem("role"));
        invite(alice, org, "x-" + UUID.randomUUID() + "@example.com", "VIEWER", List.of("My Team", "No Such Team"), null)
                .then().statusCode(400).body("errors[0].field", equalTo("teams[1]"));
        invite(alice, org, "x-" + UUID.randomUUID() + "@example.com", "VIEWER", List.of(), null)
                .then().statusCode(400).body("errors.field", hasItem("teams"));

        // an email with an account and one without get the same answer
        Response withAccount = invite(alice, org, existing.email(), "VIEWER", List.of("My Team"), null);
        Response without = invite(alice, org, "nobody-" + UUID.randomUUID() + "@example.com", "VIEWER", List.of("My Team"), null);
        withAccount.then().statusCode(201);
        without.then().statusCode(201);
        JsonNode a = JSON.readTree(withAccount.asString());
        JsonNode b = JSON.readTree(without.asString());
        List<String> fieldsA = new ArrayList<>();
        List<String> fieldsB = new ArrayList<>();
        a.fieldNames().forEachRemaining(fieldsA::add);
        b.fieldNames().forEachRemaining(fieldsB::add);
        assertEquals(fieldsA, fieldsB);
        assertEquals(a.get("state"), b.get("state"));
        assertEquals(a.get("deliveryState"), b.get("deliveryState"));

        // one pending invitation per email and organization
        invite(alice, org, existing.email().toUpperCase(), "MANAGER", List.of("My Team"), null)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void resendKillsTheOldLinkAndRevokeEndsTheInvitation() {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User carol = TestUsers.create("carol");
        String org = organization(alice);
        long usedBefore = usedSeats(alice, org);

        String id = invite(alice, org, carol.email(), "MANAGER", List.of("My Team"), null).then().statusCode(201)
                .extract().path("id");
        String first = token(mailbox.await(carol.email(), Duration.ofSeconds(30)));

        given().auth().oauth2(alice.token()).when().post(invitations(org) + "/" + id + "/resend")
                .then().statusCode(200).body("state", equalTo("PENDING")).body("deliveryState", equalTo("SENT"));
        Mailbox.Mail second = mailbox.await(carol.email(), m -> !token(m).equals(first), Duration.ofSeconds(30));
        String renewed = token(second);
        assertNotEquals(first, renewed);
        accept(carol, first).then().statusCode(400).body("title", equalTo("Invalid invitation"));

        given().auth().oauth2(alice.token()).when().delete(invitations(org) + "/" + id)
                .then().statusCode(200).body("state", equalTo("REVOKED"));
        given().auth().oauth2(alice.token()).when().delete(invitations(org) + "/" + id).then().statusCode(409);
        given().auth().oauth2(alice.token()).when().post(invitations(org) + "/" + id + "/resend").then().statusCode(409);
        accept(carol, renewed).then().statusCode(400).body("title", equalTo("Invalid invitation"));

        // InvitationRevoked names the seat; billing-service gives it back, once
        kafka.await("invitations", r -> "InvitationRevoked".equals(KafkaEvents.header(r, "ce_type"))
                && ("invitations/" + id).equals(KafkaEvents.header(r, "ce_subject")), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(usedBefore, usedSeats(alice, org)));
    }

    @Test
    void anotherAccountCannotAcceptTheInvitation() {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User dave = TestUsers.create("dave");
        TestUsers.User eve = TestUsers.create("eve");
        String org = organization(alice);
        invite(alice, org, dave.email(), "VIEWER", List.of("My Team"), null).then().statusCode(201);
        String token = token(mailbox.await(dave.email(), Duration.ofSeconds(30)));

        accept(eve, token).then().statusCode(403).contentType("application/problem+json");
        accept(dave, token).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("VIEWER", memberRole(alice, org, dave.id())));
        assertEquals(null, memberRole(alice, org, eve.id()));
    }

    @Test
    void aNewUserRegistersThroughTheInvitation() {
        TestUsers.User alice = TestUsers.create("alice");
        String org = organization(alice);
        String email = ("newbie-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com").toLowerCase();
        invite(alice, org, email, "OPERATOR", List.of("My Team"), null).then().statusCode(201);
        String token = token(mailbox.await(email, Duration.ofSeconds(30)));

        String password = "pw-" + UUID.randomUUID();
        String userId = given().contentType(ContentType.JSON).body(Map.of("token", token, "name", "Nina Newbie", "password", password))
                .when().post(url("invitation-service") + "/api/v1/invitations/register")
                .then().statusCode(200).body("email", equalTo(email)).extract().path("userId");

        String signedIn = KeycloakUsers.of(StackProfile.TEST).passwordToken(email, password);
        assertEquals(userId, KeycloakUsers.claims(signedIn).get("sub").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("OPERATOR", memberRole(alice, org, userId)));
    }

    @Test
    void theListIsPaginatedAndFilteredByState() {
        TestUsers.User alice = TestUsers.create("alice");
        String org = organization(alice);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(invite(alice, org, "list-" + i + "-" + UUID.randomUUID() + "@example.com", "VIEWER", List.of("My Team"), null)
                    .then().statusCode(201).extract().path("id"));
        }
        given().auth().oauth2(alice.token()).when().delete(invitations(org) + "/" + ids.get(0)).then().statusCode(200);

        Response first = given().auth().oauth2(alice.token()).when().get(invitations(org) + "?limit=2");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items[0].id", equalTo(ids.get(2))).body("items[1].id", equalTo(ids.get(1)));
        given().auth().oauth2(alice.token()).queryParam("limit", 2).queryParam("cursor", first.<String> path("nextCursor"))
                .when().get(invitations(org))
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(ids.get(0))).body("nextCursor", nullValue());
        given().auth().oauth2(alice.token()).when().get(invitations(org) + "?state=REVOKED")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(ids.get(0)));
        given().auth().oauth2(alice.token()).when().get(invitations(org) + "?state=PENDING")
                .then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void anotherOrganizationsOwnerIsRefusedEverywhereAndSeesNothing() {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User mallory = TestUsers.create("mallory");
        String org = organization(alice);
        String malloryOrg = organization(mallory);
        String id = invite(alice, org, "target-" + UUID.randomUUID() + "@example.com", "VIEWER", List.of("My Team"), null)
                .then().statusCode(201).extract().path("id");

        invite(mallory, org, "friend-" + UUID.randomUUID() + "@example.com", "ADMIN", List.of("My Team"), null).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().get(invitations(org)).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().get(invitations(org) + "/" + id).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().post(invitations(org) + "/" + id + "/resend").then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().delete(invitations(org) + "/" + id).then().statusCode(404);
        // through her own organization the invitation does not exist
        given().auth().oauth2(mallory.token()).when().get(invitations(malloryOrg) + "/" + id).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().post(invitations(malloryOrg) + "/" + id + "/resend").then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().delete(invitations(malloryOrg) + "/" + id).then().statusCode(404);
        given().auth().oauth2(mallory.token()).when().get(invitations(malloryOrg)).then().statusCode(200).body("items", hasSize(0));

        given().auth().oauth2(alice.token()).when().get(invitations(org) + "/" + id).then().statusCode(200).body("state", equalTo("PENDING"));
    }

    @Test
    void exactlyTenOf200ConcurrentInvitationsGetTheLastTenSeats() throws Exception {
        TestUsers.User alice = TestUsers.create("alice");
        String org = organization(alice);
        long limit = seatLimit(alice, org);
        long free = limit - usedSeats(alice, org);
        // leave exactly 10 seats free, through billing-service's reservations like any platform service
        given().auth().oauth2(TestUsers.serviceToken("invitation-service")).contentType(ContentType.JSON)
                .body(Map.of("resource", "users", "amount", free - 10, "idempotencyKey", "test-fill:" + UUID.randomUUID()))
                .when().post(url("billing-service") + "/api/v1/organizations/" + org + "/reservations")
                .then().statusCode(201);
        assertEquals(limit - 10, usedSeats(alice, org));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String body = JSON.writeValueAsString(Map.of("email", "crowd-" + i + "-" + UUID.randomUUID() + "@example.com",
                        "name", "Crowd " + i, "role", "VIEWER", "teams", List.of("My Team")));
                HttpRequest request = HttpRequest.newBuilder(URI.create(invitations(org))).timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + alice.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(pool.submit(() -> sendRetryingUnavailable(http, request)));
            }
            int created = 0;
            int refused = 0;
            List<Integer> other = new ArrayList<>();
            for (Future<Integer> f : answers) {
                int status = f.get();
                if (status == 201) {
                    created++;
                } else if (status == 409) {
                    refused++;
                } else {
                    other.add(status);
                }
            }
            assertEquals(List.of(), other, "every invitation either got a seat or was refused for the limit");
            assertEquals(10, created);
            assertEquals(190, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(limit, usedSeats(alice, org));
        given().auth().oauth2(alice.token()).when().get(invitations(org) + "?state=PENDING&limit=100")
                .then().statusCode(200).body("items", hasSize(10));
    }

    // --- helpers

    /** A new root organization of {@code owner}, once user-service made them Owner and billing-service opened its account. */
    private static String organization(TestUsers.User owner) {
        String org = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "inv-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Invitations", "region", "EU"))
                .when().post(url("org-service") + "/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("OWNER", memberRole(owner, org, owner.id())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> limits(owner, org).then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestUsers.serviceToken("invitation-service"))
                .when().get(url("user-service") + "/api/v1/organizations/" + org + "/teams")
                .then().statusCode(200).body("name", hasItem("My Team")));
        return org;
    }

    private static Response invite(TestUsers.User inviter, String org, String email, String role, List<String> teams, String note) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "name", "Invited Person", "role", role, "teams", teams));
        if (note != null) {
            body.put("note", note);
        }
        return given().auth().oauth2(inviter.token()).contentType(ContentType.JSON).body(body).when().post(invitations(org));
    }

    private static Response accept(TestUsers.User user, String token) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post(url("invitation-service") + "/api/v1/invitations/accept");
    }

    private static String token(Mailbox.Mail mail) {
        Matcher m = LINK.matcher(mail.body());
        if (!m.find()) {
            throw new AssertionError("no accept link in " + mail.body());
        }
        return m.group(2);
    }

    /** The member's role in the organization per user-service, or null when not a member. */
    private static String memberRole(TestUsers.User asker, String org, String userId) {
        Response r = given().auth().oauth2(asker.token()).when().get(url("user-service") + "/api/v1/organizations/" + org + "/members/" + userId);
        return r.statusCode() == 200 ? r.path("role") : null;
    }

    private static Response limits(TestUsers.User user, String org) {
        return given().auth().oauth2(user.token()).when().get(url("billing-service") + "/api/v1/organizations/" + org + "/limits");
    }

    private static long usedSeats(TestUsers.User user, String org) {
        return ((Number) limits(user, org).then().statusCode(200).extract().path("resources.find { it.resource == 'users' }.used")).longValue();
    }

    private static long seatLimit(TestUsers.User user, String org) {
        return ((Number) limits(user, org).then().statusCode(200).extract().path("resources.find { it.resource == 'users' }.limit")).longValue();
    }

    /**
     * Sends {@code request}, again after the Retry-After of a 503 (a replica may refuse to answer from a view it cannot
     * show to be current while 200 requests load two cores), at most five times: the status it finally got.
     */
    private static int sendRetryingUnavailable(HttpClient http, HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 503 || attempt == 5) {
                return r.statusCode();
            }
            Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    private static String invitations(String org) {
        return url("invitation-service") + "/api/v1/organizations/" + org + "/invitations";
    }

    private static String url(String service) {
        return Suite.url(stack, service);
    }
}
