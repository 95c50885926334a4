package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * The walking skeleton, through the four packaged services on the real stack: sign in, create an
 * organization, see its Owner and billing account appear from the event, survive a redelivery, invite, and
 * be refused as a stranger.
 */
class WalkingSkeletonIT {

    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
    }


    @Test
    void oneFlowThroughAllFourServices() {
        TestUsers.User alice = TestUsers.create("alice");
        TestUsers.User mallory = TestUsers.create("mallory");

        // 1-2: a signed-in user creates an organization
        String org = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "skeleton-" + System.nanoTime(), "displayName", "Skeleton", "region", "US"))
                .when().post(url("org-service") + "/api/v1/organizations")
                .then().statusCode(201).extract().path("id");

        // 3: user-service made her the Owner, billing-service opened a Free account, both from the event, and the
        // creating call answered only once they had (read-your-writes): her next requests see it at once
        given().auth().oauth2(alice.token())
                .when().get(url("user-service") + "/api/v1/organizations/" + org + "/members")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].role", equalTo("OWNER"))
                .body("items[0].userId", equalTo(alice.id()));
        limits(alice, org).then().statusCode(200)
                .body("plan", equalTo("FREE")).body("resources.find { it.resource == 'users' }.limit", equalTo(50))
                .body("resources.find { it.resource == 'users' }.used", equalTo(1));
        given().auth().oauth2(alice.token()).when().get(url("org-service") + "/api/v1/organizations/" + org)
                .then().statusCode(200).body("id", equalTo(org));

        // the same event delivered again changes nothing anywhere
        KafkaEvents kafka = new KafkaEvents(stack.config().kafkaBootstrap());
        ConsumerRecord<String, String> created = kafka.await("organizations", r -> org.equals(r.key()), Duration.ofSeconds(10));
        kafka.redeliver(created);
        long end = kafka.endOffset("organizations");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffset("user-service", "organizations") >= end
                && kafka.committedOffset("billing-service", "organizations") >= end);
        given().auth().oauth2(alice.token()).when().get(url("user-service") + "/api/v1/organizations/" + org + "/members")
                .then().statusCode(200).body("items", hasSize(1));
        limits(alice, org).then().statusCode(200).body("resources.find { it.resource == 'users' }.used", equalTo(1));

        // 4: the Owner invites; invitation-service asked user-service and took a seat from billing-service
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "new.hire@example.com", "name", "New Hire", "role", "DEVELOPER", "teams", List.of("My Team")))
                .when().post(url("invitation-service") + "/api/v1/organizations/" + org + "/invitations")
                .then().statusCode(201).body("state", equalTo("PENDING")).body("email", equalTo("new.hire@example.com"));
        limits(alice, org).then().statusCode(200).body("resources.find { it.resource == 'users' }.used", equalTo(2));

        // a stranger is told nothing exists, everywhere (the same answer as for an unknown id), and takes no seat
        given().auth().oauth2(mallory.token()).contentType(ContentType.JSON)
                .body(Map.of("email", "friend@example.com", "name", "Friend", "role", "ADMIN", "teams", List.of("My Team")))
                .when().post(url("invitation-service") + "/api/v1/organizations/" + org + "/invitations")
                .then().statusCode(404).contentType("application/problem+json");
        String unknown = UUID.randomUUID().toString();
        for (String service : List.of("org-service", "user-service", "billing-service")) {
            String path = switch (service) {
                case "org-service" -> "/api/v1/organizations/%s";
                case "user-service" -> "/api/v1/organizations/%s/members";
                default -> "/api/v1/organizations/%s/limits";
            };
            String seen = given().auth().oauth2(mallory.token()).when().get(url(service) + path.formatted(org))
                    .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
            String none = given().auth().oauth2(mallory.token()).when().get(url(service) + path.formatted(unknown))
                    .then().statusCode(404).extract().path("detail");
            assertEquals(none.replace(unknown, org), seen, service);
        }
        limits(alice, org).then().statusCode(200).body("resources.find { it.resource == 'users' }.used", equalTo(2));
    }

    private static io.restassured.response.Response limits(TestUsers.User user, String org) {
        return given().auth().oauth2(user.token()).when().get(url("billing-service") + "/api/v1/organizations/" + org + "/limits");
    }

    private static String url(String service) {
        return Suite.url(stack, service);
    }
}
