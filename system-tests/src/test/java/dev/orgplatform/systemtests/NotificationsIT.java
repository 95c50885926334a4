package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * People are told what concerns them on the channels they chose per category, across the packaged services: their
 * memberships, their account's security (a new API key, a suspension) and usage alerts of what they manage; the feed
 * keeps read and unread; a silenced category tells nothing; the SMS channel goes through the logging sender.
 */
class NotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOLD = Duration.ofSeconds(30);

    private static LocalStack stack;
    private static Flows flows;
    private static Mailbox mailbox;

    @BeforeAll
    static void theSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
        mailbox = Mailbox.of(StackProfile.TEST);
    }

    @Test
    void eachCategoryReachesAPersonOnlyOnTheChannelsTheyChoseAndTheFeedKeepsReadAndUnread() throws Exception {
        TestUsers.User owner = TestUsers.create("notify-owner");
        String org = flows.organization(owner);
        TestUsers.User dev = TestUsers.create("notify-dev");
        Http.get(users() + "/api/v1/users/me", Http.bearer(dev.token())); // the profile exists from the first request

        // what may not reach them is refused, naming the field; nothing changes
        assertEquals("phone", field(preferences(dev, "{\"phone\":\"12345\"}")));
        assertEquals("webhookUrl", field(preferences(dev, "{\"webhookUrl\":\"http://hooks.example.com/x\"}")));
        assertEquals("channels.BILLING", field(preferences(dev, "{\"channels\":{\"BILLING\":[\"SMS\"]}}")));
        assertEquals(400, preferences(dev, "{\"channels\":{\"SECURITY\":[\"PIGEON\"]}}").status());
        Http.Answer set = preferences(dev, "{\"channels\":{\"MEMBERSHIP\":[\"IN_APP\"],\"SECURITY\":[\"EMAIL\",\"IN_APP\",\"SMS\"]},"
                + "\"phone\":\"+4915112345678\"}");
        assertEquals(200, set.status(), set::toString);
        JsonNode chosen = JSON.readTree(set.body()).path("channels");
        assertEquals("[\"IN_APP\"]", chosen.path("MEMBERSHIP").toString());
        assertEquals("[\"EMAIL\",\"IN_APP\"]", chosen.path("BILLING").toString(), "a category not named keeps its default");
        assertEquals("[\"IN_APP\"]", chosen.path("DEPLOYMENTS").toString());

        // joined (membership: the feed only), a key of theirs (security: email, feed, SMS), a role change
        flows.accept(dev, flows.invite(owner, org, dev.email(), "DEVELOPER").token()).then().statusCode(200);
        JsonNode joined = awaitNotification(dev, "You joined an organization");
        assertEquals("MEMBERSHIP", joined.path("category").asText());
        assertEquals(org, joined.path("organizationId").asText());
        assertEquals("You are now a DEVELOPER of \"System test\".", joined.path("body").asText(), "named by its display name: " + joined);
        assertEquals(0, joined.path("deliveries").size(), "the feed only: " + joined);
        await().atMost(TOLD).until(() -> flows.role(org, dev.id()) != null);
        flows.createKey(dev, org, List.of("read"));
        JsonNode key = awaitNotification(dev, "A new API key was created");
        assertEquals("SECURITY", key.path("category").asText());
        await().atMost(TOLD).untilAsserted(() -> {
            JsonNode now = notification(dev, "A new API key was created");
            assertEquals(2, now.path("deliveries").size(), now::toString);
            for (JsonNode d : now.path("deliveries")) {
                assertTrue(!d.path("sentAt").isNull(), () -> "sent on every channel chosen: " + now);
            }
        });
        assertTrue(mailbox.await(dev.email(), m -> m.subject().equals("A new API key was created"), TOLD).body().contains("scopes"));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("role", "VIEWER"))
                .header("If-Match", given().auth().oauth2(owner.token()).get(users() + "/api/v1/organizations/" + org + "/members/" + dev.id())
                        .then().statusCode(200).extract().header("ETag"))
                .patch(users() + "/api/v1/organizations/" + org + "/members/" + dev.id()).then().statusCode(200);
        awaitNotification(dev, "Your role changed");
        assertTrue(mailbox.messages(dev.email()).stream().noneMatch(m -> m.subject().contains("joined") || m.subject().contains("role")),
                "no membership mail: they chose the feed only");

        // read and unread
        assertEquals(3, unread(dev));
        String first = notification(dev, "You joined an organization").path("id").asText();
        assertEquals(204, Http.post(users() + "/api/v1/users/me/notifications/" + first + "/read", Http.bearer(dev.token()), "").status());
        assertEquals(2, unread(dev));
        JsonNode unreadOnly = JSON.readTree(Http.get(users() + "/api/v1/users/me/notifications?unread=true", Http.bearer(dev.token())).body());
        assertEquals(2, unreadOnly.path("items").size(), unreadOnly::toString);
        // someone else's notification is not theirs to read, nor to see
        assertEquals(404, Http.post(users() + "/api/v1/users/me/notifications/" + first + "/read", Http.bearer(owner.token()), "").status());
        assertTrue(!Http.get(users() + "/api/v1/users/me/notifications", Http.bearer(owner.token())).body().contains(first));
        assertEquals(200, Http.post(users() + "/api/v1/users/me/notifications/read", Http.bearer(dev.token()), "").status());
        assertEquals(0, unread(dev));

        // deployment news from a service built on the platform: to the roles named, on the channels chosen for DEPLOYMENTS
        String news = users() + "/api/v1/organizations/" + org + "/notifications";
        String announcement = "{\"category\":\"DEPLOYMENTS\",\"title\":\"Deployment finished\",\"body\":\"firmware 2.1 is live\","
                + "\"roles\":[\"VIEWER\"],\"key\":\"deploy-42\"}";
        Http.Answer posted = Http.post(news, Http.bearer(owner.token()), announcement);
        assertEquals(200, posted.status(), posted::toString);
        assertEquals(1, JSON.readTree(posted.body()).path("told").asInt(), "the one Viewer: " + posted);
        assertEquals(0, JSON.readTree(Http.post(news, Http.bearer(owner.token()), announcement).body()).path("told").asInt(),
                "a retry with the same key tells nobody twice");
        assertEquals("category", field(Http.post(news, Http.bearer(owner.token()), announcement.replace("DEPLOYMENTS", "SECURITY"))));
        assertEquals(403, Http.post(news, Http.bearer(dev.token()), announcement).status(), "a Viewer tells nobody");
        assertEquals("DEPLOYMENTS", awaitNotification(dev, "Deployment finished").path("category").asText());
        assertEquals(1, unread(dev));

        // suspended: told by email (security keeps email), though they cannot sign in to read the feed
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("reason", "left the company"))
                .post(users() + "/api/v1/users/" + dev.id() + "/suspension").then().statusCode(200);
        assertTrue(mailbox.await(dev.email(), m -> m.subject().equals("Your account was suspended"), TOLD).body().contains("left the company"));
        Figures.line("notifications: membership to the feed only, security to email, feed and SMS (logging sender), a suspension "
                + "mailed; 3 unread, then 2, then 0; another person's notification 404; deployment news to the roles named, once per key");
    }

    @Test
    void aUsageAlertReachesTheOwnerAndNotAnAdminWhoSilencedBilling() throws Exception {
        TestUsers.User owner = TestUsers.create("alert-owner");
        String org = flows.organization(owner);
        TestUsers.User admin = flows.member(owner, org, "ADMIN");
        assertEquals(200, preferences(admin, "{\"channels\":{\"BILLING\":[]}}").status());
        String alerts = flows.url("billing-service") + "/api/v1/organizations/" + org + "/alerts";
        String etag = given().auth().oauth2(owner.token()).get(alerts).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("thresholds", List.of(5)))
                .put(alerts).then().statusCode(200);
        flows.invite(owner, org, "alert-" + java.util.UUID.randomUUID() + "@example.com", "VIEWER"); // 3 of 50 users: past 5%

        JsonNode alert = awaitNotification(owner, "Usage alert: users at 5%");
        assertEquals("BILLING", alert.path("category").asText());
        assertTrue(mailbox.await(owner.email(), m -> m.subject().equals("Usage alert: users at 5%"), TOLD).body().contains("of their 50"));
        awaitNotification(admin, "You joined an organization"); // everything before the alert has reached the admin's feed
        await().pollDelay(Duration.ofSeconds(2)).atMost(TOLD).until(() -> true);
        JsonNode adminFeed = JSON.readTree(Http.get(users() + "/api/v1/users/me/notifications", Http.bearer(admin.token())).body());
        assertTrue(!adminFeed.toString().contains("Usage alert"), "the Admin silenced billing: " + adminFeed);
        Figures.line("notifications: a usage alert told to the Owner (feed and email), not to an Admin who silenced billing");
    }

    private static String users() {
        return flows.url("user-service");
    }

    private static Http.Answer preferences(TestUsers.User who, String json) {
        return Http.send("PUT", users() + "/api/v1/users/me/notification-preferences", Http.bearer(who.token()), json);
    }

    private static String field(Http.Answer answer) throws Exception {
        assertEquals(400, answer.status(), answer::toString);
        return JSON.readTree(answer.body()).path("errors").path(0).path("field").asText();
    }

    private static long unread(TestUsers.User who) throws Exception {
        return JSON.readTree(Http.get(users() + "/api/v1/users/me/notifications/unread-count", Http.bearer(who.token())).body())
                .path("unread").asLong();
    }

    private static JsonNode awaitNotification(TestUsers.User who, String title) {
        await().atMost(TOLD).until(() -> notification(who, title) != null);
        return notification(who, title);
    }

    private static JsonNode notification(TestUsers.User who, String title) {
        try {
            for (JsonNode n : JSON.readTree(Http.get(users() + "/api/v1/users/me/notifications?limit=100", Http.bearer(who.token())).body())
                    .path("items")) {
                if (title.equals(n.path("title").asText())) {
                    return n;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
