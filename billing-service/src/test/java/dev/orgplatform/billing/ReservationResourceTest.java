package dev.orgplatform.billing;

import static dev.orgplatform.billing.BillingFixture.kafka;
import static dev.orgplatform.billing.BillingFixture.openedOrganization;
import static dev.orgplatform.billing.BillingFixture.organizationEvent;
import static dev.orgplatform.billing.BillingFixture.reservations;
import static dev.orgplatform.billing.BillingFixture.reserve;
import static dev.orgplatform.billing.BillingFixture.serviceToken;
import static dev.orgplatform.billing.BillingFixture.used;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgplatform.billing.service.ReservationExpiryJob;
import dev.orgplatform.deploy.testing.Concurrently;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(BillingServiceStack.class)
class ReservationResourceTest {

    @Inject
    ReservationExpiryJob expiry;

    @Test
    void aReserveRetriedWithTheSameKeyGetsTheSameReservationAndReleaseGivesTheUnitBack() {
        UUID org = openedOrganization();
        String first = reserve(org, "users", 1, "key-1").then().statusCode(201).body("state", equalTo("HELD"))
                .body("holder", equalTo("key-1")).extract().path("id");
        String again = reserve(org, "users", 1, "key-1").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        assertEquals(2, used(org, "users"), "the Owner's seat and this one, not three");

        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + first + "/commit")
                .then().statusCode(200).body("state", equalTo("COMMITTED"));
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + first + "/release")
                .then().statusCode(200).body("state", equalTo("RELEASED"));
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + first + "/release")
                .then().statusCode(200).body("state", equalTo("RELEASED"));
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + first + "/commit")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, used(org, "users"));
    }

    @Test
    void theUserLimitHoldsExactlyUnder200ConcurrentReservations() throws Exception {
        UUID org = openedOrganization();
        List<Integer> statuses = Concurrently.run(200, i -> reserve(org, "users", 1, "concurrent-" + i).statusCode());
        assertEquals(49, statuses.stream().filter(s -> s == 201).count(), "the Free plan's 50 users minus the Owner's seat, not one more");
        assertEquals(151, statuses.stream().filter(s -> s == 409).count(), "every other one refused: " + statuses);
        reserve(org, "users", 1, "one-more").then().statusCode(409).body("limit", equalTo(50)).body("used", equalTo(50))
                .body("resource", equalTo("users"));
    }

    @Test
    void theSameKeyReservedByManyAtOnceTakesTheUnitsOnceAndAnswersTheSameReservation() throws Exception {
        UUID org = openedOrganization();
        List<String> answers = Concurrently.run(60, i -> {
            Response r = reserve(org, "webhooks", 5, "same-key");
            return r.statusCode() + " " + r.path("id");
        });
        Set<String> distinct = new HashSet<>(answers);
        assertEquals(1, distinct.size(), "one reservation, every caller told about it: " + distinct);
        assertEquals("201", distinct.iterator().next().split(" ")[0]);
        assertEquals(5, used(org, "webhooks"));
    }

    @Test
    void aReservationNeverCommittedExpiresAndGivesItsUnitsBack() throws Throwable {
        UUID org = openedOrganization();
        String held = reserve(org, "apiKeys", 3, "never-committed").then().statusCode(201).extract().path("id");
        String committed = reserve(org, "apiKeys", 2, "committed").then().statusCode(201).extract().path("id");
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + committed + "/commit").then().statusCode(200);
        assertEquals(5, used(org, "apiKeys"));

        clockAt(Instant.now().plus(Duration.ofMinutes(16)));
        VertxContextSupport.subscribeAndAwait(() -> expiry.run());

        assertEquals(2, used(org, "apiKeys"), "the held 3 came back, the committed 2 stay");
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + held + "/commit")
                .then().statusCode(409).body("detail", containsString("EXPIRED"));
    }

    @Test
    void twentyKeysWhoseCommitCallFailedAreCommittedFromTheirEventsAndReleasedFromTheirRevocations() throws Throwable {
        UUID org = openedOrganization();
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(UUID.randomUUID());
        }
        // 20 keys made at once whose makers reserved but never got their commit call through
        List<String> seats = Concurrently.run(20, i -> reserve(org, "apiKeys", 1, ReservationKeys.apiKey(keys.get(i)))
                .then().statusCode(201).body("state", equalTo("HELD")).extract().<String>path("id"));
        KafkaEvents kafka = kafka();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            created.add(UUID.randomUUID().toString());
            kafka.publish("apikeys", org, created.get(i), "ApiKeyCreated", "/user-service", keyEvent(keys.get(i), org, seats.get(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(k ->
                "COMMITTED".equals(reserve(org, "apiKeys", 1, ReservationKeys.apiKey(k)).then().extract().path("state"))));
        // redelivered, they change nothing
        for (int i = 0; i < 20; i++) {
            kafka.publish("apikeys", org, created.get(i), "ApiKeyCreated", "/user-service", keyEvent(keys.get(i), org, seats.get(i)));
        }
        assertEquals(20, used(org, "apiKeys"));

        clockAt(Instant.now().plus(Duration.ofMinutes(16)));
        VertxContextSupport.subscribeAndAwait(() -> expiry.run());
        assertEquals(20, used(org, "apiKeys"), "committed from their events, none waited for its hold to expire");

        // revoked (say, their owner removed from the organization), each event delivered twice
        for (int i = 0; i < 20; i++) {
            String revoked = UUID.randomUUID().toString();
            kafka.publish("apikeys", org, revoked, "ApiKeyRevoked", "/user-service", keyEvent(keys.get(i), org, seats.get(i)));
            kafka.publish("apikeys", org, revoked, "ApiKeyRevoked", "/user-service", keyEvent(keys.get(i), org, seats.get(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "apiKeys") == 0);
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + seats.get(0) + "/commit")
                .then().statusCode(409).body("detail", containsString("RELEASED"));
    }

    @Test
    void theSeatOfAMemberWhoJoinedThroughSsoIsCommittedFromTheEventAndFreedWhenTheyLeave() throws Throwable {
        UUID org = openedOrganization();
        UUID user = UUID.randomUUID();
        String key = ReservationKeys.ssoMember(user, "sign-in-" + UUID.randomUUID());
        // reserved as the member's seat, the commit call never got through
        String seat = given().auth().oauth2(serviceToken()).contentType(ContentType.JSON)
                .body(Map.of("resource", "users", "amount", 1, "idempotencyKey", key, "holder", ReservationKeys.member(user)))
                .when().post(reservations(org)).then().statusCode(201).body("state", equalTo("HELD")).extract().path("id");
        String joined = "{\"organizationId\":\"" + org + "\",\"userId\":\"" + user + "\",\"connectionId\":\"" + UUID.randomUUID()
                + "\",\"role\":\"VIEWER\",\"team\":null,\"reservationId\":\"" + seat + "\"}";
        kafka().publish("sso", org, UUID.randomUUID().toString(), "MemberJoinedThroughSso", "/user-service", joined);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(reserve(org, "users", 1, key).then().extract().path("state")));
        long withMember = used(org, "users");
        // the member leaves: the seat they hold goes back
        kafka().publish("memberships", org, UUID.randomUUID().toString(), "MembershipRevoked", "/user-service",
                "{\"membershipId\":\"" + UUID.randomUUID() + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + user
                        + "\",\"role\":\"VIEWER\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "users") == withMember - 1);
    }

    @Test
    void aKeyRecordedAfterItsReservationExpiredTakesItsUnitAgainWhileThereIsRoom() throws Throwable {
        UUID org = openedOrganization();
        UUID counted = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        String countedSeat = reserve(org, "apiKeys", 1, ReservationKeys.apiKey(counted)).then().statusCode(201).extract().path("id");
        String lateSeat = reserve(org, "apiKeys", 1, ReservationKeys.apiKey(late)).then().statusCode(201).extract().path("id");
        // billing-service heard nothing for longer than the hold: both expire
        clockAt(Instant.now().plus(Duration.ofMinutes(16)));
        VertxContextSupport.subscribeAndAwait(() -> expiry.run());
        assertEquals(0, used(org, "apiKeys"));

        kafka().publish("apikeys", org, UUID.randomUUID().toString(), "ApiKeyCreated", "/user-service", keyEvent(counted, org, countedSeat));
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(
                reserve(org, "apiKeys", 1, ReservationKeys.apiKey(counted)).then().extract().path("state")));
        assertEquals(1, used(org, "apiKeys"), "the key exists, so it counts again");

        // the rest of the Free plan's 100 keys taken meanwhile: the late one finds no room and stays expired
        String rest = reserve(org, "apiKeys", 99, "the-rest").then().statusCode(201).extract().path("id");
        kafka().publish("apikeys", org, UUID.randomUUID().toString(), "ApiKeyCreated", "/user-service", keyEvent(late, org, lateSeat));
        // one organization's events are applied in order: once this one is, the late one was
        kafka().publish("apikeys", org, UUID.randomUUID().toString(), "ApiKeyRevoked", "/user-service", keyEvent(UUID.randomUUID(), org, rest));
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "apiKeys") <= 2);
        assertEquals(1, used(org, "apiKeys"), "the late key was not counted over the limit");
        reserve(org, "apiKeys", 1, ReservationKeys.apiKey(late)).then().body("state", equalTo("EXPIRED"));
    }

    @Test
    void anInvitationsSeatIsCommittedFromItsCreatedEvent() {
        UUID org = openedOrganization();
        UUID invitation = UUID.randomUUID();
        // invitation-service reserved, recorded the invitation, and its commit call failed
        String seat = reserve(org, ReservationKeys.USERS, 1, ReservationKeys.invitation(invitation)).then().statusCode(201)
                .body("state", equalTo("HELD")).extract().path("id");
        kafka().publish("invitations", org, UUID.randomUUID().toString(), "InvitationCreated", "/invitation-service",
                "{\"invitationId\":\"" + invitation + "\",\"organizationId\":\"" + org + "\",\"email\":\"x@example.com\","
                        + "\"role\":\"VIEWER\",\"teams\":[],\"reservationId\":\"" + seat + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(
                reserve(org, "users", 1, ReservationKeys.invitation(invitation)).then().extract().path("state")));
        assertEquals(2, used(org, "users"));
    }

    private static String keyEvent(UUID key, UUID org, String reservation) {
        return "{\"keyId\":\"" + key + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + UUID.randomUUID()
                + "\",\"reservationId\":\"" + reservation + "\"}";
    }

    @Test
    void seatsFollowInvitationsAndMemberships() {
        UUID org = openedOrganization();
        UUID accepted = UUID.randomUUID(), revoked = UUID.randomUUID(), member = UUID.randomUUID();
        String acceptedSeat = seat(org, accepted);
        String revokedSeat = seat(org, revoked);
        assertEquals(3, used(org, "users"));

        KafkaEvents kafka = kafka();
        kafka.publish("invitations", org, UUID.randomUUID().toString(), "InvitationAccepted", "/invitation-service",
                "{\"invitationId\":\"" + accepted + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + member
                        + "\",\"reservationId\":\"" + acceptedSeat + "\",\"role\":\"VIEWER\",\"teams\":[]}");
        kafka.publish("invitations", org, UUID.randomUUID().toString(), "InvitationRevoked", "/invitation-service",
                "{\"invitationId\":\"" + revoked + "\",\"organizationId\":\"" + org + "\",\"reservationId\":\"" + revokedSeat + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "users") == 2);

        // the accepted seat now belongs to the member: their removal frees it
        kafka.publish("memberships", org, UUID.randomUUID().toString(), "MembershipRevoked", "/user-service",
                "{\"membershipId\":\"" + UUID.randomUUID() + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + member
                        + "\",\"role\":\"VIEWER\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "users") == 1);
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + acceptedSeat + "/commit")
                .then().statusCode(409).body("detail", containsString("RELEASED"));
    }

    @Test
    void aMemberAcceptingASecondInvitationStillHoldsOneSeat() {
        UUID org = openedOrganization();
        UUID first = UUID.randomUUID(), second = UUID.randomUUID(), member = UUID.randomUUID();
        String firstSeat = seat(org, first);
        KafkaEvents kafka = kafka();
        kafka.publish("invitations", org, UUID.randomUUID().toString(), "InvitationAccepted", "/invitation-service",
                "{\"invitationId\":\"" + first + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + member
                        + "\",\"reservationId\":\"" + firstSeat + "\",\"role\":\"VIEWER\",\"teams\":[]}");
        String secondSeat = seat(org, second);
        assertEquals(3, used(org, "users"), "the Owner, the member and the second invitation");

        kafka.publish("invitations", org, UUID.randomUUID().toString(), "InvitationAccepted", "/invitation-service",
                "{\"invitationId\":\"" + second + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + member
                        + "\",\"reservationId\":\"" + secondSeat + "\",\"role\":\"ADMIN\",\"teams\":[]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "users") == 2);
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + secondSeat + "/commit")
                .then().statusCode(409).body("detail", containsString("RELEASED"));

        // their one seat goes with their removal
        kafka.publish("memberships", org, UUID.randomUUID().toString(), "MembershipRevoked", "/user-service",
                "{\"membershipId\":\"" + UUID.randomUUID() + "\",\"organizationId\":\"" + org + "\",\"userId\":\"" + member
                        + "\",\"role\":\"ADMIN\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> used(org, "users") == 1);
    }

    @Test
    void aRedeliveredOrganizationCreatedOpensNoSecondAccount() {
        UUID org = UUID.randomUUID();
        KafkaEvents kafka = kafka();
        String id = UUID.randomUUID().toString();
        String data = "{\"organizationId\":\"" + org + "\",\"ownerId\":\"" + UUID.randomUUID() + "\",\"ownerEmail\":\"o@example.com\"}";
        kafka.publish("organizations", org, id, "OrganizationCreated", "/org-service", data);
        kafka.publish("organizations", org, id, "OrganizationCreated", "/org-service", data);
        long end = kafka.endOffset("organizations");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffset("billing-service", "organizations") >= end);
        assertEquals(1, used(org, "users"), "one Owner seat");
        reserve(org, "webhooks", 25, "all-webhooks").then().statusCode(201);
        reserve(org, "webhooks", 1, "one-too-many").then().statusCode(409);
        assertEquals(0, kafka.countWithin("dead-letter-billing-service-organizations", r -> org.toString().equals(r.key()), Duration.ofSeconds(2)),
                "the duplicate was skipped, not failed");
    }

    @Test
    void anOrganizationPendingDeletionReservesNothingUntilRestored() {
        UUID org = openedOrganization();
        String before = reserve(org, "products", 1, "before").then().statusCode(201).extract().path("id");
        organizationEvent(org, "OrganizationDeletionScheduled", "{\"organizationId\":\"" + org + "\",\"purgeAfter\":\"2099-01-01T00:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> reserve(org, "products", 1, "during").statusCode() == 404);
        BillingFixture.limits(org).then().statusCode(404);
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + before + "/commit").then().statusCode(404);

        organizationEvent(org, "OrganizationRestored", "{\"organizationId\":\"" + org + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> reserve(org, "products", 1, "after").statusCode() == 201);
        assertEquals(2, used(org, "products"));
    }

    @Test
    void badInputAndUnknownOrganizationsAreClearProblems() {
        given().auth().oauth2(serviceToken()).contentType(ContentType.JSON)
                .body(Map.of("resource", "spaceships", "amount", 1, "idempotencyKey", "k"))
                .when().post(reservations(UUID.randomUUID()))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("resource"));
        given().auth().oauth2(serviceToken()).contentType(ContentType.JSON)
                .body(Map.of("resource", "users", "amount", 0, "idempotencyKey", "k"))
                .when().post(reservations(UUID.randomUUID()))
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        reserve(UUID.randomUUID(), "users", 1, "k").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyPlatformServicesMayReserveAndAnotherOrganizationsReservationIsAbsent() {
        UUID org = openedOrganization();
        UUID other = openedOrganization();
        given().auth().oauth2(TestUsers.create("billing-user").token()).contentType(ContentType.JSON)
                .body(Map.of("resource", "users", "amount", 1, "idempotencyKey", "k"))
                .when().post(reservations(org)).then().statusCode(403);
        String id = reserve(org, "users", 1, "mine").then().statusCode(201).extract().path("id");
        given().auth().oauth2(serviceToken()).when().post(reservations(other) + "/" + id + "/release").then().statusCode(404);
        assertEquals(2, used(org, "users"));
    }

    private String seat(UUID org, UUID invitationId) {
        String id = reserve(org, ReservationKeys.USERS, 1, ReservationKeys.invitation(invitationId)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + id + "/commit").then().statusCode(200);
        return id;
    }

    /** The platform clock of this test, at {@code at} (past a reservation's hold, say). */
    private static void clockAt(Instant at) {
        QuarkusMock.installMockForType(new PlatformClock() {
            @Override
            public Instant now() {
                return at;
            }
        }, PlatformClock.class);
    }
}
