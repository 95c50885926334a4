package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Billing through the packaged services with real roles: the Owner sees and changes plan, limits, settings and
 * alerts; a Viewer of the same organization and a stranger are refused; seats follow the invitation.
 */
class BillingIT {

    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
    }


    @Test
    void onlyOwnersAndAdminsSeeAndChangeBilling() {
        TestUsers.User owner = TestUsers.create("billing-owner");
        TestUsers.User viewer = TestUsers.create("billing-viewer");
        TestUsers.User stranger = TestUsers.create("billing-stranger");

        String org = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "billing-" + System.nanoTime(), "displayName", "Billing", "region", "EU"))
                .when().post(url("org-service") + "/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> billing(owner, org, "/limits").then().statusCode(200)
                .body("plan", equalTo("FREE")).body(used("users"), equalTo(1)));

        // the Owner invites a Viewer: the pending invitation takes a seat, accepting keeps it
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("email", viewer.email(), "name", "Vera Viewer", "role", "VIEWER", "teams", List.of("My Team")))
                .when().post(url("invitation-service") + "/api/v1/organizations/" + org + "/invitations")
                .then().statusCode(201);
        billing(owner, org, "/limits").then().statusCode(200).body(used("users"), equalTo(2));
        Mailbox.Mail invitation = Mailbox.of(StackProfile.TEST).await(viewer.email(), Duration.ofSeconds(30));
        Matcher token = Pattern.compile("token=([A-Za-z0-9_\\-]+)").matcher(invitation.body());
        if (!token.find()) {
            throw new AssertionError("no token in the invitation mail: " + invitation.body());
        }
        given().auth().oauth2(viewer.token()).contentType(ContentType.JSON).body(Map.of("token", token.group(1)))
                .when().post(url("invitation-service") + "/api/v1/invitations/accept").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(viewer.token())
                .when().get(url("user-service") + "/api/v1/organizations/" + org + "/members/" + viewer.id())
                .then().statusCode(200));
        billing(owner, org, "/limits").then().statusCode(200).body(used("users"), equalTo(2));

        // the Owner: plan, custom limit, settings, alerts
        String etag = billing(owner, org, "/limits").then().extract().header("ETag");
        etag = given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("plan", "PRO"))
                .when().put(url("billing-service") + path(org, "/plan"))
                .then().statusCode(200).body("plan", equalTo("PRO")).body(limit("users"), equalTo(200)).extract().header("ETag");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("limit", 501))
                .when().put(url("billing-service") + path(org, "/limits/users"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        etag = given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("limit", 300))
                .when().put(url("billing-service") + path(org, "/limits/users"))
                .then().statusCode(200).body(limit("users"), equalTo(300)).extract().header("ETag");
        etag = given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("billingEmail", "accounts@example.com", "paymentMethod", Map.of("type", "CARD", "reference", "tok_visa_4242")))
                .when().put(url("billing-service") + path(org, "/billing-settings"))
                .then().statusCode(200).body("paymentMethod.type", equalTo("CARD")).extract().header("ETag");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("thresholds", List.of(90, 50)))
                .when().put(url("billing-service") + path(org, "/alerts"))
                .then().statusCode(200).body("thresholds", contains(50, 90));
        billing(owner, org, "/billing-settings").then().statusCode(200).body("billingEmail", equalTo("accounts@example.com"));

        // a Viewer of the organization sees and changes nothing (403); a stranger is told it does not exist (404)
        for (TestUsers.User refused : List.of(viewer, stranger)) {
            int status = refused == viewer ? 403 : 404;
            billing(refused, org, "/limits").then().statusCode(status).contentType("application/problem+json");
            billing(refused, org, "/billing-settings").then().statusCode(status);
            billing(refused, org, "/alerts").then().statusCode(status);
            given().auth().oauth2(refused.token()).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("plan", "FREE"))
                    .when().put(url("billing-service") + path(org, "/plan")).then().statusCode(status);
            given().auth().oauth2(refused.token()).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("limit", 10))
                    .when().put(url("billing-service") + path(org, "/limits/users")).then().statusCode(status);
            given().auth().oauth2(refused.token()).header("If-Match", "*").contentType(ContentType.JSON)
                    .body(Map.of("billingEmail", "thief@example.com"))
                    .when().put(url("billing-service") + path(org, "/billing-settings")).then().statusCode(status);
            given().auth().oauth2(refused.token()).when().get(url("billing-service") + path(org, "/deletion-preconditions"))
                    .then().statusCode(403);
        }
        billing(owner, org, "/limits").then().statusCode(200).body("plan", equalTo("PRO")).body(limit("users"), equalTo(300));

        // what org-service asks before a deletion
        given().auth().oauth2(TestUsers.serviceToken("org-service")).when().get(url("billing-service") + path(org, "/deletion-preconditions"))
                .then().statusCode(200).body("satisfied", equalTo(true)).body("devices", equalTo(0)).body("outstandingCents", equalTo(0));
    }

    private static Response billing(TestUsers.User user, String org, String rest) {
        return given().auth().oauth2(user.token()).when().get(url("billing-service") + path(org, rest));
    }

    private static String path(String org, String rest) {
        return "/api/v1/organizations/" + org + rest;
    }

    private static String used(String resource) {
        return "resources.find { it.resource == '" + resource + "' }.used";
    }

    private static String limit(String resource) {
        return "resources.find { it.resource == '" + resource + "' }.limit";
    }

    private static String url(String service) {
        return Suite.url(stack, service);
    }
}
