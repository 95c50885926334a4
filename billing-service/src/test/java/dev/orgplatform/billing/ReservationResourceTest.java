package dev.orgplatform.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(BillingServiceStack.class)
class ReservationResourceTest {

    private static String serviceToken;

    @BeforeAll
    static void token() {
        serviceToken = TestUsers.serviceToken("invitation-service");
    }

    @Test
    void aReserveRetriedWithTheSameKeyGetsTheSameReservationAndReleaseGivesTheUnitBack() {
        UUID org = openedOrganization();
        String first = reserve(org, "users", 1, "key-1").then().statusCode(201).body("state", equalTo("HELD")).extract().path("id");
        String again = reserve(org, "users", 1, "key-1").then().statusCode(201).extract().path("id");
        assertEquals(first, again);

        given().auth().oauth2(serviceToken).when().post(path(org) + "/" + first + "/commit")
                .then().statusCode(200).body("state", equalTo("COMMITTED"));
        given().auth().oauth2(serviceToken).when().post(path(org) + "/" + first + "/release")
                .then().statusCode(200).body("state", equalTo("RELEASED"));
        given().auth().oauth2(serviceToken).when().post(path(org) + "/" + first + "/commit")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theUserLimitHoldsExactlyUnder200ConcurrentReservations() throws Exception {
        UUID org = openedOrganization();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "concurrent-" + i;
                calls.add(() -> reserve(org, "users", 1, key).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(50, statuses.stream().filter(s -> s == 201).count(), "the Free plan's 50 users, not one more");
            assertEquals(150, statuses.stream().filter(s -> s == 409).count(), "every other one refused: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        reserve(org, "users", 1, "one-more").then().statusCode(409).body("limit", equalTo(50)).body("used", equalTo(50))
                .body("resource", equalTo("users"));
    }

    @Test
    void aRedeliveredOrganizationCreatedOpensNoSecondAccount() {
        UUID org = UUID.randomUUID();
        KafkaEvents kafka = new KafkaEvents(TestUsers.stack().kafkaBootstrap());
        String id = UUID.randomUUID().toString();
        String data = "{\"organizationId\":\"" + org + "\",\"ownerEmail\":\"o@example.com\"}";
        kafka.publish("organizations", org, id, "OrganizationCreated", "/org-service", data);
        kafka.publish("organizations", org, id, "OrganizationCreated", "/org-service", data);
        long end = kafka.endOffset("organizations");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffset("billing-service", "organizations") >= end);
        reserve(org, "webhooks", 25, "all-webhooks").then().statusCode(201);
        reserve(org, "webhooks", 1, "one-too-many").then().statusCode(409);
        assertEquals(0, kafka.countWithin("dead-letter-topic-organizations", r -> org.toString().equals(r.key()), Duration.ofSeconds(2)),
                "the duplicate was skipped, not failed");
    }

    @Test
    void badInputAndUnknownOrganizationsAreClearProblems() {
        given().auth().oauth2(serviceToken).contentType(ContentType.JSON)
                .body(Map.of("resource", "spaceships", "amount", 1, "idempotencyKey", "k"))
                .when().post(path(UUID.randomUUID()))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("resource"));
        given().auth().oauth2(serviceToken).contentType(ContentType.JSON)
                .body(Map.of("resource", "users", "amount", 0, "idempotencyKey", "k"))
                .when().post(path(UUID.randomUUID()))
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        reserve(UUID.randomUUID(), "users", 1, "k").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyPlatformServicesMayReserve() {
        UUID org = openedOrganization();
        given().auth().oauth2(TestUsers.create("billing-user").token()).contentType(ContentType.JSON)
                .body(Map.of("resource", "users", "amount", 1, "idempotencyKey", "k"))
                .when().post(path(org)).then().statusCode(403);
    }

    /** An organization whose billing account billing-service opened from an OrganizationCreated event. */
    private static UUID openedOrganization() {
        UUID org = UUID.randomUUID();
        new KafkaEvents(TestUsers.stack().kafkaBootstrap()).publish("organizations", org, UUID.randomUUID().toString(),
                "OrganizationCreated", "/org-service", "{\"organizationId\":\"" + org + "\",\"ownerEmail\":\"o@example.com\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> reserve(org, "webhooks", 1, "probe").statusCode() == 201);
        return org;
    }

    private static Response reserve(UUID org, String resource, int amount, String key) {
        return given().auth().oauth2(serviceToken).contentType(ContentType.JSON)
                .body(Map.of("resource", resource, "amount", amount, "idempotencyKey", key))
                .when().post(path(org));
    }

    private static String path(UUID org) {
        return "/api/v1/organizations/" + org + "/reservations";
    }
}
