package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** API keys on every service, their scopes, revocation and limit; the audit log, exactly once per event. */
class ApiKeyAndAuditIT {

    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
    }


    @Test
    void aKeyActsAsItsOwnerNarrowedByItsScopesOnEveryServiceUntilRevoked() {
        TestUsers.User owner = TestUsers.create("key-owner");
        String org = organizationOf(owner);

        String readKey = createKey(owner, org, List.of("read")).then().statusCode(201)
                .body("secret", startsWith("opk_")).body("scopes", equalTo(List.of("read"))).extract().path("secret");
        String keyId = given().auth().oauth2(owner.token()).when().get(url("user-service") + "/api/v1/organizations/" + org + "/api-keys")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].secret", equalTo(null))
                .extract().path("items[0].id");

        // authenticated on all four services, with the owner's rights cut down to reading
        withKey(readKey).get(url("org-service") + "/api/v1/organizations/" + org).then().statusCode(200);
        withKey(readKey).get(url("user-service") + "/api/v1/organizations/" + org + "/members").then().statusCode(200);
        withKey(readKey).get(url("billing-service") + "/api/v1/organizations/" + org + "/limits").then().statusCode(200);
        withKey(readKey).contentType(ContentType.JSON).body(invitation("scoped@example.com"))
                .post(url("invitation-service") + "/api/v1/organizations/" + org + "/invitations")
                .then().statusCode(403).contentType("application/problem+json");

        String inviteKey = createKey(owner, org, List.of("member:invite")).then().statusCode(201).extract().path("secret");
        withKey(inviteKey).contentType(ContentType.JSON).body(invitation("invited.by.key@example.com"))
                .post(url("invitation-service") + "/api/v1/organizations/" + org + "/invitations").then().statusCode(201);

        // another tenant's organization is out of the key's reach
        String other = organizationOf(TestUsers.create("other-tenant"));
        withKey(readKey).get(url("org-service") + "/api/v1/organizations/" + other).then().statusCode(404);

        given().auth().oauth2(owner.token()).when().delete(url("user-service") + "/api/v1/organizations/" + org + "/api-keys/" + keyId)
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            withKey(readKey).get(url("org-service") + "/api/v1/organizations/" + org).then().statusCode(401);
            withKey(readKey).get(url("billing-service") + "/api/v1/organizations/" + org + "/limits").then().statusCode(401);
        });
        withKey("opk_not-a-key").get(url("user-service") + "/api/v1/organizations/" + org + "/members").then().statusCode(401);
    }

    @Test
    void keysCountAgainstTheOrganizationsApiKeyLimit() {
        TestUsers.User owner = TestUsers.create("key-limit");
        String org = organizationOf(owner);
        String service = TestUsers.serviceToken("invitation-service");
        for (int i = 0; i < 99; i++) { // the Free plan allows 100 API keys: take 99 of them
            given().auth().oauth2(service).contentType(ContentType.JSON)
                    .body(Map.of("resource", "apiKeys", "amount", 1, "idempotencyKey", "filler-" + i))
                    .post(url("billing-service") + "/api/v1/organizations/" + org + "/reservations").then().statusCode(201);
        }
        createKey(owner, org, List.of("read")).then().statusCode(201);
        createKey(owner, org, List.of("read")).then().statusCode(409).body("title", equalTo("Limit reached"));
    }

    @Test
    void everyAuditedActionAppearsExactlyOnceEvenWhenItsEventIsDeliveredTwice() {
        TestUsers.User owner = TestUsers.create("audited");
        TestUsers.User stranger = TestUsers.create("audit-stranger");
        String org = organizationOf(owner);
        createKey(owner, org, List.of("read")).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            audit(owner, org, "OrganizationCreated").then().statusCode(200).body("items.size()", equalTo(1))
                    .body("items[0].actorId", equalTo(owner.id())).body("items[0].organizationId", equalTo(org));
            audit(owner, org, "ApiKeyCreated").then().statusCode(200).body("items.size()", equalTo(1));
        });

        KafkaEvents kafka = new KafkaEvents(stack.config().kafkaBootstrap());
        ConsumerRecord<String, String> created = kafka.await("organizations",
                r -> org.equals(r.key()) && "OrganizationCreated".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(10));
        kafka.redeliver(created);
        long end = kafka.endOffset("organizations");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffset("user-service-audit", "organizations") >= end);
        audit(owner, org, "OrganizationCreated").then().statusCode(200).body("items.size()", equalTo(1));

        // logins, good and bad, are the user's own entries
        // Keycloak refuses a wrong password with 400 invalid_grant (401 in some versions): either way, no token
        assertNotEquals(200, given().formParam("grant_type", "password").formParam("client_id", "org-platform-cli")
                .formParam("username", owner.email()).formParam("password", "wrong")
                .post(stack.config().realmUrl() + "/protocol/openid-connect/token").statusCode());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(owner.token()).queryParam("action", "LOGIN_ERROR").get(url("user-service") + "/api/v1/users/me/audit")
                    .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].source", equalTo("keycloak"));
            given().auth().oauth2(owner.token()).queryParam("action", "LOGIN").get(url("user-service") + "/api/v1/users/me/audit")
                    .then().statusCode(200).body("items.size()", greaterThanOrEqualTo(1));
        });

        audit(stranger, org, null).then().statusCode(404);
        given().auth().oauth2(owner.token()).queryParam("from", "yesterday").get(url("user-service") + "/api/v1/organizations/" + org + "/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    private static String organizationOf(TestUsers.User owner) {
        String org = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "keys-" + System.nanoTime(), "displayName", "Keys", "region", "EU"))
                .post(url("org-service") + "/api/v1/organizations").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(owner.token())
                .get(url("billing-service") + "/api/v1/organizations/" + org + "/limits").then().statusCode(200));
        return org;
    }

    private static Response createKey(TestUsers.User owner, String org, List<String> scopes) {
        return given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "automation", "scopes", scopes, "expiresIn", "30d"))
                .post(url("user-service") + "/api/v1/organizations/" + org + "/api-keys");
    }

    private static io.restassured.specification.RequestSpecification withKey(String key) {
        return given().header("X-API-Key", key).when();
    }

    private static Response audit(TestUsers.User user, String org, String action) {
        var request = given().auth().oauth2(user.token());
        if (action != null) {
            request = request.queryParam("action", action);
        }
        return request.get(url("user-service") + "/api/v1/organizations/" + org + "/audit");
    }

    private static Map<String, Object> invitation(String email) {
        return Map.of("email", email, "name", "Someone", "role", "VIEWER", "teams", List.of("My Team"));
    }

    private static String url(String service) {
        return Suite.url(stack, service);
    }
}
