package dev.orgplatform.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Organizations, events and calls billing-service's tests share. Call only from @Test / @BeforeEach methods. */
final class BillingFixture {

    private BillingFixture() {
    }

    /** A token of invitation-service, which reserves seats. */
    static String serviceToken() {
        return serviceToken("invitation-service");
    }

    /** A token of the payment system, the only holder of the balance right. */
    static String paymentSystemToken() {
        return serviceToken("payment-system");
    }

    /** A token of org-service, which reads limits and deletion preconditions. */
    static String orgServiceToken() {
        return serviceToken("org-service");
    }

    private static String serviceToken(String client) {
        return TestUsers.serviceToken(client);
    }

    static KafkaEvents kafka() {
        return new KafkaEvents(TestUsers.stack().kafkaBootstrap());
    }

    /** A root organization opened from an OrganizationCreated event, its Owner holding the first seat. */
    static UUID openedOrganization(UUID ownerId, String ownerEmail) {
        UUID org = UUID.randomUUID();
        organizationEvent(org, "OrganizationCreated", "{\"organizationId\":\"" + org + "\",\"parentId\":null,\"ownerId\":\"" + ownerId
                + "\",\"ownerEmail\":\"" + ownerEmail + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> preconditions(org).statusCode() == 200);
        return org;
    }

    /** A sub-organization of {@code parent} in the tree of {@code root}, opened from its OrganizationCreated event. */
    static UUID openedSubOrganization(UUID parent, UUID root) {
        UUID org = UUID.randomUUID();
        organizationEvent(org, "OrganizationCreated", "{\"organizationId\":\"" + org + "\",\"parentId\":\"" + parent + "\",\"rootId\":\""
                + root + "\",\"ownerId\":null}");
        await().atMost(Duration.ofSeconds(30)).until(() -> preconditions(org).statusCode() == 200);
        return org;
    }

    static UUID openedOrganization() {
        return openedOrganization(UUID.randomUUID(), "owner-" + UUID.randomUUID() + "@example.com");
    }

    static void organizationEvent(UUID org, String type, String data) {
        kafka().publish("organizations", org, UUID.randomUUID().toString(), type, "/org-service", data);
    }

    static Response reserve(UUID org, String resource, int amount, String key) {
        return given().auth().oauth2(serviceToken()).contentType(ContentType.JSON)
                .body(Map.of("resource", resource, "amount", amount, "idempotencyKey", key))
                .when().post(reservations(org));
    }

    static Response limits(UUID org) {
        return given().auth().oauth2(orgServiceToken()).when().get("/api/v1/organizations/" + org + "/limits");
    }

    /** Across the organization's tree. */
    static int used(UUID org, String resource) {
        return limits(org).then().statusCode(200).extract().path("resources.find { it.resource == '" + resource + "' }.used");
    }

    /** By the organization itself. */
    static int usedHere(UUID org, String resource) {
        return limits(org).then().statusCode(200).extract().path("resources.find { it.resource == '" + resource + "' }.usedHere");
    }

    static Response preconditions(UUID org) {
        return given().auth().oauth2(orgServiceToken()).when().get("/api/v1/organizations/" + org + "/deletion-preconditions");
    }

    static String reservations(UUID org) {
        return "/api/v1/organizations/" + org + "/reservations";
    }
}
