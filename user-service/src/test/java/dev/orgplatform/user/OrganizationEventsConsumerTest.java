package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class OrganizationEventsConsumerTest {

    @Test
    void theCreatorOfANewOrganizationBecomesItsOwnerExactlyOnceEvenWhenTheEventIsRedelivered() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID org = UUID.randomUUID();
        KafkaEvents kafka = new KafkaEvents(TestUsers.stack().kafkaBootstrap());
        String eventId = UUID.randomUUID().toString();
        String data = "{\"organizationId\":\"" + org + "\",\"name\":\"o-" + org + "\",\"displayName\":\"O\",\"region\":\"US\","
                + "\"parentId\":null,\"rootId\":\"" + org + "\",\"depth\":1,\"ownerId\":\"" + owner.id() + "\",\"ownerEmail\":\""
                + owner.email() + "\"}";
        kafka.publish("organizations", org, eventId, "OrganizationCreated", "/org-service", data);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.token())
                .when().get("/api/v1/organizations/" + org + "/members")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].role", equalTo("OWNER"))
                .body("items[0].userId", equalTo(owner.id())));

        // the same event again, as Kafka may deliver it: consumed, and nothing changes
        kafka.publish("organizations", org, eventId, "OrganizationCreated", "/org-service", data);
        long end = kafka.endOffset("organizations");
        await().atMost(Duration.ofSeconds(20)).until(() -> kafka.committedOffset("user-service", "organizations") >= end);
        given().auth().oauth2(owner.token()).when().get("/api/v1/organizations/" + org + "/members")
                .then().statusCode(200).body("items", hasSize(1));
        kafka.awaitAll("memberships", r -> granted(r, org), 1, Duration.ofSeconds(20));
        assertTrue(kafka.countWithin("memberships", r -> granted(r, org), Duration.ofSeconds(2)) == 1,
                "one MembershipGranted event, not two");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        KafkaEvents kafka = new KafkaEvents(TestUsers.stack().kafkaBootstrap());
        UUID org = UUID.randomUUID();
        kafka.publish("organizations", org, UUID.randomUUID().toString(), "OrganizationCreated", "/org-service", "{not json");
        kafka.await("dead-letter-user-service-organizations", r -> org.toString().equals(r.key()), Duration.ofSeconds(30));

        TestUsers.User owner = TestUsers.create("after-poison");
        UUID next = UUID.randomUUID();
        kafka.publish("organizations", next, UUID.randomUUID().toString(), "OrganizationCreated", "/org-service",
                "{\"organizationId\":\"" + next + "\",\"ownerId\":\"" + owner.id() + "\",\"ownerEmail\":\"" + owner.email() + "\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.token())
                .when().get("/api/v1/organizations/" + next + "/members").then().statusCode(200).body("items", hasSize(1)));
    }

    private static boolean granted(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, UUID org) {
        return org.toString().equals(r.key()) && "MembershipGranted".equals(KafkaEvents.header(r, "ce_type"));
    }
}
