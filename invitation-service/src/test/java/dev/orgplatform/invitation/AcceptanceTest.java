package dev.orgplatform.invitation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.KeycloakUsers;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.invitation.repository.ClosedOrganizationRepository;
import dev.orgplatform.invitation.repository.InvitationRepository;
import dev.orgplatform.invitation.service.InvitationExpiryJob;
import dev.orgplatform.platform.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The invitee's side against the real stack (PostgreSQL, Kafka, Keycloak): the token works once, for the
 * invited email only, until it expires; registration opens a real Keycloak account; bad tokens all look alike
 * and are rate-limited; an organization's lifecycle switches its invitations off and on.
 */
@QuarkusTest
@QuarkusTestResource(InvitationServiceStack.class)
class AcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KafkaEvents KAFKA = new KafkaEvents(TestUsers.stack().kafkaBootstrap());
    private static final KeycloakUsers KEYCLOAK = KeycloakUsers.of(StackProfile.TEST);

    @Inject
    InvitationRepository invitations;

    @Inject
    ClosedOrganizationRepository closedOrganizations;

    @Inject
    InvitationExpiryJob expiryJob;

    /** Each test is its own client address, so the bad-token limit of one never touches another. */
    private String client;

    @BeforeEach
    void newClientAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        client = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    @Test
    void theTokenWorksOnceAndThenLooksLikeAnyBadToken() throws Exception {
        TestUsers.User invitee = TestUsers.create("invitee");
        Invitations.Seeded inv = Invitations.pending(invitations, UUID.randomUUID(), invitee.email(), Instant.now());

        accept(invitee.token(), inv.token()).then().statusCode(200)
                .body("invitationId", equalTo(inv.id().toString())).body("organizationId", equalTo(inv.organizationId().toString()))
                .body("userId", equalTo(invitee.id())).body("role", equalTo("DEVELOPER")).body("teams", hasItem("My Team"));

        // user-service makes the membership from this event; billing-service moves the seat with reservationId
        JsonNode accepted = event("InvitationAccepted", inv.id());
        assertEquals(invitee.id(), accepted.get("userId").asText());
        assertEquals(inv.organizationId().toString(), accepted.get("organizationId").asText());
        assertEquals(invitee.email(), accepted.get("email").asText());
        assertEquals("DEVELOPER", accepted.get("role").asText());
        assertEquals("My Team", accepted.get("teams").get(0).asText());
        assertEquals(inv.reservationId().toString(), accepted.get("reservationId").asText());
        assertEquals(InvitationState.ACCEPTED, Invitations.read(invitations, inv.id()).state);

        Response used = accept(invitee.token(), inv.token());
        Response unknown = accept(invitee.token(), "inv_" + UUID.randomUUID());
        used.then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Invalid invitation"))
                .body("errors[0].field", equalTo("token"));
        assertEquals(JSON.readTree(unknown.asString()), JSON.readTree(used.asString()), "a used token answers like an unknown one");
        assertEquals(unknown.statusCode(), used.statusCode());
    }

    @Test
    void anotherAccountIsRefusedWithoutAHintAndTheInviteeStillCanAccept() {
        TestUsers.User invitee = TestUsers.create("invitee");
        TestUsers.User other = TestUsers.create("other");
        Invitations.Seeded inv = Invitations.pending(invitations, UUID.randomUUID(), invitee.email(), Instant.now());

        accept(other.token(), inv.token()).then().statusCode(403).contentType("application/problem+json")
                .body(not(containsString(invitee.email()))).body(not(containsString(inv.organizationId().toString())));
        assertEquals(InvitationState.PENDING, Invitations.read(invitations, inv.id()).state);

        accept(invitee.token(), inv.token()).then().statusCode(200).body("userId", equalTo(invitee.id()));
    }

    @Test
    void acceptingNeedsASignedInUser() {
        given().contentType(ContentType.JSON).body(Map.of("token", "inv_whatever")).when().post("/api/v1/invitations/accept")
                .then().statusCode(401);
    }

    @Test
    void anInvitationExpiresSevenDaysAfterItWasSent() {
        TestUsers.User invitee = TestUsers.create("invitee");
        Instant sent = Instant.now();
        Invitations.Seeded inv = Invitations.pending(invitations, UUID.randomUUID(), invitee.email(), sent);
        FixedClock clock = new FixedClock(sent.plus(Duration.ofDays(7)).minusSeconds(60));
        QuarkusMock.installMockForType(clock, PlatformClock.class);

        // a minute before: the job leaves it pending
        Invitations.await(() -> expiryJob.sweep());
        assertEquals(InvitationState.PENDING, Invitations.read(invitations, inv.id()).state);

        // 7 days after: refused on use at once, even before the job ran
        clock.set(sent.plus(Duration.ofDays(7)).plusSeconds(1));
        accept(invitee.token(), inv.token()).then().statusCode(400).body("title", equalTo("Invalid invitation"));

        // the job records it and publishes InvitationExpired with the seat to release, once
        Invitations.await(() -> expiryJob.sweep());
        Invitation expired = Invitations.read(invitations, inv.id());
        assertEquals(InvitationState.EXPIRED, expired.state);
        JsonNode event = event("InvitationExpired", inv.id());
        assertEquals(inv.reservationId().toString(), event.get("reservationId").asText());
        assertEquals(inv.organizationId().toString(), event.get("organizationId").asText());
        Invitations.await(() -> expiryJob.sweep());
        assertEquals(1, KAFKA.countWithin("invitations", r -> is(r, "InvitationExpired", inv.id()), Duration.ofSeconds(3)));

        accept(invitee.token(), inv.token()).then().statusCode(400).body("title", equalTo("Invalid invitation"));
    }

    @Test
    void aNewUserRegistersThroughTheInvitationAndCanSignIn() {
        String email = ("newbie-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com").toLowerCase();
        String password = "pw-" + UUID.randomUUID();
        Invitations.Seeded inv = Invitations.pending(invitations, UUID.randomUUID(), email, Instant.now());

        String userId = register(inv.token(), "New Person", password).then().statusCode(200)
                .body("email", equalTo(email)).body("organizationId", equalTo(inv.organizationId().toString()))
                .extract().path("userId");

        // the Keycloak account exists and signs in with the chosen password
        String token = KEYCLOAK.passwordToken(email, password);
        JsonNode claims = KeycloakUsers.claims(token);
        assertEquals(userId, claims.get("sub").asText());
        assertEquals(email, claims.get("email").asText());

        JsonNode accepted = event("InvitationAccepted", inv.id());
        assertEquals(userId, accepted.get("userId").asText());
        assertEquals("New Person", accepted.get("name").asText());

        register(inv.token(), "New Person", password).then().statusCode(400).body("title", equalTo("Invalid invitation"));
    }

    @Test
    void registeringAnEmailThatHasAnAccountKeepsTheInvitation() {
        TestUsers.User existing = TestUsers.create("existing");
        Invitations.Seeded inv = Invitations.pending(invitations, UUID.randomUUID(), existing.email(), Instant.now());

        register(inv.token(), "Someone", "pw-" + UUID.randomUUID()).then().statusCode(409).contentType("application/problem+json");
        assertEquals(InvitationState.PENDING, Invitations.read(invitations, inv.id()).state);
        accept(existing.token(), inv.token()).then().statusCode(200);
    }

    @Test
    void registrationNamesEveryBadField() {
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("token", "", "name", "", "password", "short"))
                .when().post("/api/v1/invitations/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("token", "name", "password"));
    }

    @Test
    void badTokensAreRateLimitedPerClientAddress() {
        TestUsers.User invitee = TestUsers.create("invitee");
        Invitations.Seeded inv = Invitations.pending(invitations, UUID.randomUUID(), invitee.email(), Instant.now());
        // the limit counts per fixed one-minute window: start the guesses early in one, so they all fall into it
        long intoWindow = System.currentTimeMillis() % Duration.ofMinutes(1).toMillis();
        if (intoWindow > Duration.ofSeconds(40).toMillis()) {
            await().pollDelay(Duration.ofMillis(Duration.ofMinutes(1).toMillis() - intoWindow + 200))
                    .atMost(Duration.ofSeconds(30)).until(() -> true);
        }
        for (int i = 0; i < 10; i++) {
            accept(invitee.token(), "inv_guess" + i).then().statusCode(400);
        }
        accept(invitee.token(), "inv_guess10").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        register("inv_guess11", "Guesser", "pw-" + UUID.randomUUID()).then().statusCode(429);
        // even a good token waits: the limit is on the client, not on the token
        accept(invitee.token(), inv.token()).then().statusCode(429);

        newClientAddress(); // another client is not affected
        accept(invitee.token(), inv.token()).then().statusCode(200);
    }

    @Test
    void anOrganizationsLifecycleSwitchesItsInvitationsOffAndOn() {
        TestUsers.User invitee = TestUsers.create("invitee");
        UUID org = UUID.randomUUID();
        Invitations.Seeded inv = Invitations.pending(invitations, org, invitee.email(), Instant.now());
        Invitations.Seeded other = Invitations.pending(invitations, org, "someone-" + UUID.randomUUID() + "@example.com",
                Instant.now());

        publish(org, "OrganizationDeletionScheduled", "{\"organizationId\":\"" + org + "\",\"purgeAfter\":\""
                + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> Invitations.closed(closedOrganizations, org));
        accept(invitee.token(), inv.token()).then().statusCode(400).body("title", equalTo("Invalid invitation"));

        publish(org, "OrganizationRestored", "{\"organizationId\":\"" + org + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Invitations.closed(closedOrganizations, org));
        accept(invitee.token(), inv.token()).then().statusCode(200);

        publish(org, "OrganizationDeletionScheduled", "{\"organizationId\":\"" + org + "\"}");
        publish(org, "OrganizationPurged", "{\"organizationId\":\"" + org + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> Invitations.read(invitations, other.id()) == null);
        assertNull(Invitations.read(invitations, inv.id()));
        assertTrue(Invitations.closed(closedOrganizations, org));
    }

    @Test
    void unknownEventTypesOnTheOrganizationsTopicAreIgnored() {
        TestUsers.User invitee = TestUsers.create("invitee");
        UUID org = UUID.randomUUID();
        Invitations.Seeded inv = Invitations.pending(invitations, org, invitee.email(), Instant.now());
        publish(org, "OrganizationSomethingNew", "{\"organizationId\":\"" + org + "\"}");
        publish(org, "OrganizationDeletionScheduled", "{\"organizationId\":\"" + org + "\"}");
        // processed in order: once the known event after it took effect, the unknown one did not block the partition
        await().atMost(Duration.ofSeconds(30)).until(() -> Invitations.closed(closedOrganizations, org));
        accept(invitee.token(), inv.token()).then().statusCode(400);
    }

    private Response accept(String bearer, String token) {
        return request().auth().oauth2(bearer).body(Map.of("token", token)).when().post("/api/v1/invitations/accept");
    }

    private Response register(String token, String name, String password) {
        return request().body(Map.of("token", token, "name", name, "password", password)).when().post("/api/v1/invitations/register");
    }

    private RequestSpecification request() {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON);
    }

    private static void publish(UUID org, String type, String json) {
        KAFKA.publish("organizations", org, UUID.randomUUID().toString(), type, "/org-service", json);
    }

    private static JsonNode event(String type, UUID invitationId) {
        ConsumerRecord<String, String> r = KAFKA.await("invitations", rec -> is(rec, type, invitationId), Duration.ofSeconds(30));
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean is(ConsumerRecord<String, String> r, String type, UUID invitationId) {
        return type.equals(KafkaEvents.header(r, "ce_type")) && ("invitations/" + invitationId).equals(KafkaEvents.header(r, "ce_subject"));
    }
}
