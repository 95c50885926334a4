package dev.orgplatform.org;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OrgServiceStack.class)
class OrganizationResourceTest {

    private static TestUsers.User alice;

    @BeforeAll
    static void signIn() {
        alice = TestUsers.create("alice");
    }

    @Test
    void createsAnOrganizationAndPublishesOrganizationCreatedAsACloudEvent() throws Exception {
        String name = "acme-" + suffix();
        String id = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "displayName", "Acme Inc.", "region", "EU", "contactEmail", "ops@acme.test"))
                .when().post("/api/v1/organizations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/"))
                .header("ETag", notNullValue())
                .body("name", equalTo(name)).body("region", equalTo("EU")).body("state", equalTo("ACTIVE"))
                .body("depth", equalTo(1))
                .extract().path("id");

        ConsumerRecord<String, String> event = new KafkaEvents(TestUsers.stack().kafkaBootstrap())
                .await("organizations", r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertEquals("OrganizationCreated", KafkaEvents.header(event, "ce_type"));
        assertEquals("1.0", KafkaEvents.header(event, "ce_specversion"));
        assertEquals("/org-service", KafkaEvents.header(event, "ce_source"));
        assertEquals("organizations/" + id, KafkaEvents.header(event, "ce_subject"));
        JsonNode data = new ObjectMapper().readTree(event.value());
        assertEquals(id, data.get("organizationId").asText());
        assertEquals(alice.id(), data.get("ownerId").asText());
        assertEquals(alice.email(), data.get("ownerEmail").asText());
    }

    @Test
    void refusesInvalidFieldsNamingEachOne() {
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Not A Slug!", "displayName", "x", "region", "US"))
                .when().post("/api/v1/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("name"));

        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "ok-" + suffix(), "displayName", "x", "region", "MARS"))
                .when().post("/api/v1/organizations")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("region"));

        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "ok-" + suffix(), "region", "US"))
                .when().post("/api/v1/organizations")
                .then().statusCode(400).body("errors.field", hasItem("displayName"));

        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/organizations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTakenNameIsAConflictAndWritesNothing() {
        String name = "dup-" + suffix();
        Map<String, String> body = Map.of("name", name, "displayName", "First", "region", "US");
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organizations").then().statusCode(201);
        given().auth().oauth2(TestUsers.create("bob").token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organizations")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("name"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(Map.of("name", "anon-" + suffix(), "displayName", "x", "region", "US"))
                .when().post("/api/v1/organizations")
                .then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/v1/organizations/" + UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void readingNeedsTheAuthorizationCheckAndSays503WhenUserServiceIsDown() {
        // in this module's tests user-service is not running: the check fails closed with a clear problem
        String id = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "read-" + suffix(), "displayName", "R", "region", "US"))
                .when().post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(alice.token()).when().get("/api/v1/organizations/" + id)
                .then().statusCode(503).contentType("application/problem+json").body("title", equalTo("Dependency unavailable"));
    }

    private static String suffix() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        assertTrue(s.matches("[0-9a-f]{8}"));
        return s;
    }
}
