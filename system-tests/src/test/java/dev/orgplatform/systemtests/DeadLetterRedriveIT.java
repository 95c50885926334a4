package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.response.Response;

/**
 * The documented re-drive command ({@code deploy/stack redrive <dead-letter-topic>}) sends a dead-lettered event back to
 * its topic, where every consumer processes it, and never sends the same dead letter twice.
 */
// after the classes that disturb nothing: it writes to a dead-letter topic
@Order(Order.DEFAULT + 1)
class DeadLetterRedriveIT {

    private static final String DEAD_LETTERS = "dead-letter-user-service-organizations";
    private static LocalStack stack;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
    }


    @Test
    void aDeadLetteredCreationIsProcessedOnceAfterTheRedrive() throws Exception {
        TestUsers.User owner = TestUsers.create("redrive-owner");
        UUID org = UUID.randomUUID();
        KafkaEvents kafka = new KafkaEvents(stack.config().kafkaBootstrap());
        // an OrganizationCreated user-service's consumer once gave up on (say a schema it did not know yet), never seen
        // by the others either; re-driven to its topic, every consumer sees it (one that had applied it would skip it)
        kafka.publishDeadLetter(DEAD_LETTERS, "organizations", org, UUID.randomUUID().toString(), "OrganizationCreated", "/org-service",
                created(org, owner));
        kafka.await(DEAD_LETTERS, r -> org.toString().equals(r.key()), Duration.ofSeconds(10));
        members(owner, org).then().statusCode(404); // nothing consumed it: user-service knows no such organization

        String dryRun = redrive("--dry-run");
        assertTrue(dryRun.contains("would re-drive") && dryRun.contains("-> organizations (OrganizationCreated"), dryRun);
        assertEquals(0, kafka.countWithin("organizations", r -> org.toString().equals(r.key()), Duration.ofSeconds(1)),
                "a dry run sends nothing");

        String output = redrive();
        assertTrue(output.contains("re-drove"), output);
        // user-service opened the Owner's membership and billing-service the account, from the re-driven event
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> members(owner, org).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].role", equalTo("OWNER")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(owner.token())
                .when().get(Suite.url(stack, "billing-service") + "/api/v1/organizations/" + org + "/limits")
                .then().statusCode(200).body("plan", equalTo("FREE"))
                .body("resources.find { it.resource == 'users' }.used", equalTo(1)));

        // a second re-drive starts where the first ended: the dead letter is not sent again
        redrive();
        assertEquals(1, kafka.countWithin("organizations", r -> org.toString().equals(r.key()), Duration.ofSeconds(2)),
                "records of the re-driven organization on its topic");
    }

    private static Response members(TestUsers.User user, UUID org) {
        return given().auth().oauth2(user.token())
                .when().get(Suite.url(stack, "user-service") + "/api/v1/organizations/" + org + "/members");
    }

    private static String created(UUID org, TestUsers.User owner) throws JsonProcessingException {
        Map<String, Object> data = new HashMap<>(Map.of("organizationId", org, "name", "redriven-" + System.nanoTime(),
                "displayName", "Re-driven", "region", "EU", "rootId", org, "depth", 1, "ownerId", owner.id(),
                "ownerEmail", owner.email(), "createdAt", Instant.now().toString()));
        return new ObjectMapper().writeValueAsString(data);
    }

    /** Runs {@code deploy/stack redrive} as an operator would, on this build's test stack. */
    private static String redrive(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(stack.config().repoRoot().resolve("deploy/stack").toString(),
                "redrive", DEAD_LETTERS, "--bootstrap", stack.config().kafkaBootstrap()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "redrive did not end");
        assertEquals(0, p.exitValue(), output);
        System.out.println(output);
        return output;
    }
}
