package dev.orgplatform.invitation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.invitation.client.OrganizationTeams;
import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The authorized paths of the management endpoints over HTTP, with real Keycloak tokens, PostgreSQL, Kafka and
 * GreenMail. user-service's check and teams and billing-service's seats are stood in for (GrantedAccess,
 * KnownTeams, HeldSeats): across the packaged services, system-tests cover them for real.
 */
@QuarkusTest
@QuarkusTestResource(InvitationServiceStack.class)
class InvitationManagementTest {

    private static final Mailbox MAIL = Mailbox.of(StackProfile.TEST);
    private static final Pattern TOKEN = Pattern.compile("accept\\?token=(inv_[A-Za-z0-9_\\-]+)");

    private TestUsers.User admin;
    private UUID org;
    private GrantedAccess access;
    private HeldSeats seats;

    @BeforeEach
    void anOrganizationWithAnAdmin() {
        admin = TestUsers.create("admin");
        org = UUID.randomUUID();
        access = new GrantedAccess().grant(admin.id(), org, Role.ADMIN, "organization:read", "member:read", "member:invite");
        seats = new HeldSeats();
        QuarkusMock.installMockForType(access, AccessPolicy.class);
        QuarkusMock.installMockForType(new KnownTeams().of(org, "My Team", "Ops"), OrganizationTeams.class);
        QuarkusMock.installMockForType(seats, Quotas.class);
    }

    @Test
    void anAdminInvitesHoldingASeatAndTheMailCarriesTheLink() {
        String email = unique("newcomer");
        Response created = invite(admin, email.toUpperCase(), "developer", List.of("My Team", "Ops"));
        String id = created.then().statusCode(201).contentType(ContentType.JSON)
                .body("email", equalTo(email)).body("role", equalTo("DEVELOPER")).body("teams", equalTo(List.of("My Team", "Ops")))
                .body("state", equalTo("PENDING")).body("deliveryState", equalTo("SENT")).body("invitedBy", equalTo(admin.id()))
                .body("note", equalTo("welcome")).extract().path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/organizations/" + org + "/invitations/" + id), created.header("Location"));
        Instant sent = Instant.parse(created.path("sentAt"));
        assertEquals(Duration.ofDays(7), Duration.between(sent, Instant.parse(created.path("expiresAt"))));

        Mailbox.Mail mail = MAIL.await(email, Duration.ofSeconds(30));
        assertEquals("You are invited to join an organization", mail.subject());
        assertTrue(mail.body().contains("as DEVELOPER (teams: My Team, Ops)"), mail.body());
        assertTrue(mail.body().contains("welcome"), mail.body());
        token(mail);

        HeldSeats.Seat seat = seats.seat(org, ReservationKeys.invitation(UUID.fromString(id)));
        assertEquals(ReservationKeys.USERS, seat.resource());
        assertEquals(HeldSeats.State.HELD, seat.state(), "held here; billing-service commits it from InvitationCreated");

        given().auth().oauth2(admin.token()).when().get(base() + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("state", equalTo("PENDING")).body("email", equalTo(email));
    }

    @Test
    void nobodyInvitesAboveTheirOwnRoleNorAsOwner() {
        TestUsers.User manager = TestUsers.create("manager");
        access.grant(manager.id(), org, Role.MANAGER, "member:invite"); // were a Manager allowed to invite
        invite(manager, unique("above"), "ADMIN", List.of("My Team")).then().statusCode(403).contentType("application/problem+json");
        invite(manager, unique("level"), "MANAGER", List.of("My Team")).then().statusCode(201);
        invite(admin, unique("owner"), "OWNER", List.of("My Team")).then().statusCode(400).body("errors.field", equalTo(List.of("role")));
        invite(admin, unique("chief"), "CHIEF", List.of("My Team")).then().statusCode(400).body("errors.field", equalTo(List.of("role")))
                .body("errors[0].message", equalTo("must be one of ADMIN, MANAGER, DEVELOPER, OPERATOR, VIEWER"));
    }

    @Test
    void anUnknownOrRepeatedTeamIsRefusedNamingIt() {
        invite(admin, unique("teamless"), "VIEWER", List.of("My Team", "Nope")).then().statusCode(400)
                .body("errors[0].field", equalTo("teams[1]"));
        invite(admin, unique("twice"), "VIEWER", List.of("Ops", "Ops")).then().statusCode(400).body("errors[0].field", equalTo("teams[1]"));
    }

    @Test
    void aSecondPendingInvitationForTheSameEmailIsAConflict() {
        String email = unique("twice");
        invite(admin, email, "VIEWER", List.of("My Team")).then().statusCode(201);
        invite(admin, email.toUpperCase(), "OPERATOR", List.of("Ops")).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theListFiltersByStateAsOfNowAndPagesWithACursor() {
        String a = unique("a"), b = unique("b"), c = unique("c");
        invite(admin, a, "VIEWER", List.of("My Team")).then().statusCode(201);
        String revoked = invite(admin, b, "VIEWER", List.of("My Team")).then().statusCode(201).extract().path("id");
        invite(admin, c, "VIEWER", List.of("My Team")).then().statusCode(201);
        given().auth().oauth2(admin.token()).when().delete(base() + "/" + revoked).then().statusCode(200);

        String cursor = list("?state=pending&limit=1").then().statusCode(200).body("items.email", equalTo(List.of(c)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        list("?state=PENDING&limit=1&cursor=" + cursor).then().statusCode(200).body("items.email", equalTo(List.of(a)))
                .body("nextCursor", nullValue());
        list("?state=revoked").then().statusCode(200).body("items.email", equalTo(List.of(b))).body("items[0].state", equalTo("REVOKED"));
        list("").then().statusCode(200).body("items.email", equalTo(List.of(c, b, a)));
        list("?state=pending&limit=1&cursor=" + cursor + "Zm9v").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));

        // eight days on, before the expiry job ran: the pending ones already list as expired
        QuarkusMock.installMockForType(new FixedClock(Instant.now().plus(Duration.ofDays(8))), PlatformClock.class);
        list("?state=pending").then().statusCode(200).body("items", empty());
        list("?state=expired").then().statusCode(200).body("items.email", equalTo(List.of(c, a)))
                .body("items.state", everyItem(equalTo("EXPIRED")));
    }

    @Test
    void aResendMailsANewTokenAndTheOldOneDies() {
        TestUsers.User invitee = TestUsers.create("invitee");
        String id = invite(admin, invitee.email(), "DEVELOPER", List.of("My Team")).then().statusCode(201).extract().path("id");
        String first = token(MAIL.await(invitee.email(), Duration.ofSeconds(30)));

        given().auth().oauth2(admin.token()).when().post(base() + "/" + id + "/resend").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("deliveryState", equalTo("SENT"));
        String second = token(MAIL.await(invitee.email(), m -> !token(m).equals(first), Duration.ofSeconds(30)));
        assertNotEquals(first, second);

        accept(invitee, first).then().statusCode(400).body("title", equalTo("Invalid invitation"));
        accept(invitee, second).then().statusCode(200).body("invitationId", equalTo(id)).body("userId", equalTo(invitee.id()));
    }

    @Test
    void resendsAreLimitedPerInvitationAndPerOrganization() {
        List<String> ids = new java.util.ArrayList<>();
        for (String who : List.of("a", "b", "c")) {
            ids.add(invite(admin, unique("resend-" + who), "VIEWER", List.of("My Team")).then().statusCode(201).extract().path("id"));
        }
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin.token()).when().post(base() + "/" + ids.get(0) + "/resend").then().statusCode(200);
        }
        given().auth().oauth2(admin.token()).when().post(base() + "/" + ids.get(0) + "/resend").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("this invitation was sent again 3 times"));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin.token()).when().post(base() + "/" + ids.get(1) + "/resend").then().statusCode(200);
        }
        // six resends in this organization within the hour: the next one of any invitation waits
        given().auth().oauth2(admin.token()).when().post(base() + "/" + ids.get(2) + "/resend").then().statusCode(429)
                .body("detail", containsString("this organization's invitations were sent again 6 times"));
        // an unknown invitation is not found, and counts nothing
        given().auth().oauth2(admin.token()).when().post(base() + "/" + UUID.randomUUID() + "/resend").then().statusCode(404);
    }

    @Test
    void aRevokedInvitationStaysRevoked() {
        String id = invite(admin, unique("revoked"), "VIEWER", List.of("My Team")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin.token()).when().delete(base() + "/" + id).then().statusCode(200)
                .body("state", equalTo("REVOKED")).body("endedAt", notNullValue());
        given().auth().oauth2(admin.token()).when().delete(base() + "/" + id).then().statusCode(409);
        given().auth().oauth2(admin.token()).when().post(base() + "/" + id + "/resend").then().statusCode(409);
        given().auth().oauth2(admin.token()).when().get(base() + "/" + id).then().statusCode(200).body("state", equalTo("REVOKED"));
        given().auth().oauth2(admin.token()).when().get(base() + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aStrangerIsToldTheOrganizationDoesNotExistOnEveryEndpoint() {
        String id = invite(admin, unique("existing"), "VIEWER", List.of("My Team")).then().statusCode(201).extract().path("id");
        TestUsers.User stranger = TestUsers.create("stranger");
        for (Response r : everyEndpoint(stranger, id)) {
            r.then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("organization " + org + " does not exist"));
        }
    }

    @Test
    void aMemberWithoutMemberInviteIsForbiddenOnEveryEndpoint() {
        String id = invite(admin, unique("existing"), "VIEWER", List.of("My Team")).then().statusCode(201).extract().path("id");
        TestUsers.User viewer = TestUsers.create("viewer");
        access.grant(viewer.id(), org, Role.VIEWER, "organization:read", "member:read");
        for (Response r : everyEndpoint(viewer, id)) {
            r.then().statusCode(403).contentType("application/problem+json").body("detail", containsString("member:invite"));
        }
        list("").then().statusCode(200).body("items", hasSize(1)).body("items.id", hasItem(id));
    }

    private List<Response> everyEndpoint(TestUsers.User user, String invitationId) {
        String one = base() + "/" + invitationId;
        return List.of(
                given().auth().oauth2(user.token()).contentType(ContentType.JSON)
                        .body(Map.of("email", unique("any"), "name", "Any", "role", "VIEWER", "teams", List.of("My Team")))
                        .when().post(base()),
                given().auth().oauth2(user.token()).when().get(base()),
                given().auth().oauth2(user.token()).when().get(one),
                given().auth().oauth2(user.token()).when().post(one + "/resend"),
                given().auth().oauth2(user.token()).when().delete(one));
    }

    private Response invite(TestUsers.User inviter, String email, String role, List<String> teams) {
        return given().auth().oauth2(inviter.token()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Invited Person", "role", role, "teams", teams, "note", "welcome"))
                .when().post(base());
    }

    private Response list(String query) {
        return given().auth().oauth2(admin.token()).when().get(base() + query);
    }

    private static Response accept(TestUsers.User invitee, String token) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255))
                .auth().oauth2(invitee.token()).contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/api/v1/invitations/accept");
    }

    private String base() {
        return "/api/v1/organizations/" + org + "/invitations";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static String token(Mailbox.Mail mail) {
        Matcher m = TOKEN.matcher(mail.body());
        if (!m.find()) {
            throw new AssertionError("no accept link in " + mail.body());
        }
        return m.group(1);
    }
}
