package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The setup steps the fault and replica tests share, each through the public APIs of the first instances:
 * organizations, members invited by mail, API keys, the authorization check, seat counts.
 */
final class Flows {

    /** Setup waits are upper bounds for a loaded 2-core machine, not figures under test. */
    static final Duration SETUP = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("accept\\?token=(inv_[A-Za-z0-9_-]+)");

    record Invitation(String id, String email, String token) {
    }


    private final LocalStack stack;
    private final Mailbox mailbox;

    Flows(LocalStack stack) {
        this.stack = stack;
        this.mailbox = new Mailbox(stack.config());
    }

    String url(String service) {
        return Suite.url(stack, service);
    }

    /** A new root organization of {@code owner}, once it can act on it everywhere and its billing account is open. */
    String organization(TestUsers.User owner) {
        String org = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "sys-" + UUID.randomUUID().toString().substring(0, 12), "displayName", "System test", "region", "EU"))
                .when().post(url("org-service") + "/api/v1/organizations").then().statusCode(201).extract().path("id");
        await().atMost(SETUP).untilAsserted(() -> given().auth().oauth2(owner.token())
                .get(url("billing-service") + "/api/v1/organizations/" + org + "/limits").then().statusCode(200));
        return org;
    }

    /** A new root organization of {@code owner} on a plan with sub-organizations (Pro), to build a tree in. */
    String treeRoot(TestUsers.User owner) {
        String org = organization(owner);
        plan(owner, org, "PRO");
        return org;
    }

    /** A new sub-organization of {@code parent}, once user-service knows it (its Owner sees its members there). */
    String child(TestUsers.User owner, String parent, String name) {
        String child = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name + "-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Child " + name))
                .post(url("org-service") + "/api/v1/organizations/" + parent + "/children").then().statusCode(201).extract().path("id");
        await().atMost(SETUP).untilAsserted(() -> given().auth().oauth2(owner.token())
                .get(url("user-service") + "/api/v1/organizations/" + child + "/members").then().statusCode(200));
        return child;
    }

    /** Puts the root {@code org} on {@code plan}, as its Owner does through billing-service. */
    void plan(TestUsers.User owner, String org, String plan) {
        String limits = url("billing-service") + "/api/v1/organizations/" + org + "/limits";
        String etag = given().auth().oauth2(owner.token()).get(limits).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("plan", plan))
                .when().put(url("billing-service") + "/api/v1/organizations/" + org + "/plan").then().statusCode(200);
    }

    /** Invites {@code email} as {@code role} into "My Team" and reads the token from the invitation mail it was sent. */
    Invitation invite(TestUsers.User inviter, String org, String email, String role) {
        int before = mailbox.messages(email).size();
        String id = given().auth().oauth2(inviter.token()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Invited Person", "role", role, "teams", List.of("My Team")))
                .when().post(url("invitation-service") + "/api/v1/organizations/" + org + "/invitations")
                .then().statusCode(201).extract().path("id");
        // the newest mail with an accept link: a member also gets notification mails, which may arrive in between
        Matcher m = await().atMost(SETUP).until(() -> {
            List<Mailbox.Mail> mails = mailbox.messages(email);
            for (int i = mails.size() - 1; i >= before; i--) {
                Matcher link = TOKEN.matcher(mails.get(i).body());
                if (link.find()) {
                    return link;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        return new Invitation(id, email, m.group(1));
    }

    Response accept(TestUsers.User invitee, String token) {
        return given().auth().oauth2(invitee.token()).contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post(url("invitation-service") + "/api/v1/invitations/accept");
    }

    /** A new user who joined {@code org} as {@code role} through an accepted invitation. */
    TestUsers.User member(TestUsers.User owner, String org, String role) {
        TestUsers.User user = TestUsers.create(role.toLowerCase());
        Invitation invitation = invite(owner, org, user.email(), role);
        accept(user, invitation.token()).then().statusCode(200);
        await().atMost(SETUP).untilAsserted(() -> given().auth().oauth2(owner.token())
                .get(url("user-service") + "/api/v1/organizations/" + org + "/members/" + user.id())
                .then().statusCode(200).body("role", equalTo(role)));
        return user;
    }

    /** The member's role per user-service (asked as a platform service), or null when not a member. */
    String role(String org, String userId) {
        Response r = given().auth().oauth2(serviceToken()).get(url("user-service") + "/api/v1/organizations/" + org + "/members/" + userId);
        if (r.statusCode() == 404) {
            return null;
        }
        r.then().statusCode(200);
        return r.path("role");
    }

    /** Every membership of the organization ({@code userId}, {@code role}, ...), asked as a platform service. */
    List<Map<String, Object>> members(String org) {
        return given().auth().oauth2(serviceToken()).queryParam("limit", 100)
                .get(url("user-service") + "/api/v1/organizations/" + org + "/members")
                .then().statusCode(200).extract().path("items");
    }

    long usedSeats(TestUsers.User owner, String org) {
        Number used = given().auth().oauth2(owner.token()).get(url("billing-service") + "/api/v1/organizations/" + org + "/limits")
                .then().statusCode(200).extract().path("resources.find { it.resource == 'users' }.used");
        return used.longValue();
    }

    /** Creates an API key on user-service instance 1 and answers its secret. */
    Map<String, Object> createKey(TestUsers.User owner, String org, List<String> scopes) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "replicas", "scopes", scopes, "expiresIn", "30d"))
                .when().post(url("user-service") + "/api/v1/organizations/" + org + "/api-keys")
                .then().statusCode(201).extract().path("$");
    }

    /** The check's JSON body for "may {@code userId} read {@code org}". */
    static String readQuery(String userId, String org) {
        return query(userId, org, "organization:read");
    }

    /** The check's JSON body for "may {@code userId} do {@code permission} in {@code org}" (second factor shown). */
    static String query(String userId, String org, String permission) {
        return "{\"userId\":\"" + userId + "\",\"organizationId\":\"" + org + "\",\"permission\":\"" + permission
                + "\",\"secondFactor\":true}";
    }

    /** A client-credentials token of invitation-service (what a platform service asks with). */
    /**
     * One resource's line of an organization's limits as {@code billingService} (an instance of billing-service) answers
     * them: {@code limit}, {@code used} (tree-wide), {@code usedHere}.
     */
    static com.fasterxml.jackson.databind.JsonNode quota(String billingService, TestUsers.User who, String org, String resource)
            throws Exception {
        com.fasterxml.jackson.databind.JsonNode limits = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Http.get(billingService + "/api/v1/organizations/" + org + "/limits", Http.bearer(who.token())).body());
        for (com.fasterxml.jackson.databind.JsonNode line : limits.path("resources")) {
            if (resource.equals(line.path("resource").asText())) {
                return line;
            }
        }
        throw new AssertionError("no " + resource + " in the limits of " + org + ": " + limits);
    }

    static String serviceToken() {
        return serviceToken("invitation-service");
    }

    /** A client-credentials token of the realm's client {@code clientId}. */
    static String serviceToken(String clientId) {
        return TestUsers.serviceToken(clientId);
    }
}
