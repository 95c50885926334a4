package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.Concurrently;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * Twenty requests at once against one resource, through the public APIs: updates sent with the same {@code If-Match}
 * (one wins, the others answer 412 or 409), and creations of the same thing (one is created, the others answer 409).
 * Never a 5xx; what the resource shows afterwards is the winner's change; exactly one event tells it, carrying the
 * winner's value (no row without its event, no event of a request that failed); a seat is held only for what was
 * created.
 */
class ConcurrentUpdatesIT {

    private static final int N = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An upper bound for the outbox relay on a loaded 2-core machine, not a figure under test. */
    private static final Duration RELAYED = Duration.ofSeconds(30);

    private static LocalStack stack;
    private static Flows flows;
    private static TestUsers.User owner;
    private static String org;

    /** One resource raced: where it is, how request {@code i} changes it, and the event that tells a change. */
    record Race(String service, String path, String method, IntFunction<String> body, IntFunction<String> shown, String topic,
            String eventType, String subject) {
    }

    @BeforeAll
    static void anOrganization() {
        stack = Suite.services();
        flows = new Flows(stack);
        owner = TestUsers.create("races");
        org = flows.organization(owner);
    }

    @Test
    void twentyUpdatesOfOneVersionAtOnceOneWinsTheOthersAreRefusedAndOneEventTellsTheWinnersChange() throws Exception {
        String team = given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "race-team"))
                .post(flows.url("user-service") + "/api/v1/organizations/" + org + "/teams").then().statusCode(201).extract().path("id");
        List<Race> races = List.of(
                new Race("org-service", "/api/v1/organizations/" + org, "PATCH", i -> "{\"displayName\":\"Race " + i + "\"}",
                        i -> "Race " + i, "organizations", "OrganizationUpdated", "organizations/" + org),
                new Race("org-service", "/api/v1/organizations/" + org + "/settings", "PUT",
                        i -> "{\"security\":{\"enforce2fa\":false,\"ipAllowlist\":[],\"maxSessionMinutes\":" + (600 + i)
                                + "},\"billingContactEmail\":\"race-" + i + "@example.com\"}",
                        i -> "race-" + i + "@example.com", "organizations", "OrganizationSettingsChanged", "organizations/" + org),
                new Race("user-service", "/api/v1/organizations/" + org + "/teams/" + team, "PATCH", i -> "{\"name\":\"race-team-" + i + "\"}",
                        i -> "race-team-" + i, "memberships", "TeamRenamed", "teams/" + team),
                new Race("user-service", "/api/v1/users/me", "PATCH", i -> "{\"timezone\":\"Etc/GMT+" + (i % 12) + "\",\"language\":\"l"
                        + (char) ('a' + i) + "\"}", i -> "l" + (char) ('a' + i), "memberships", "UserProfileUpdated", "users/" + owner.id()),
                new Race("billing-service", "/api/v1/organizations/" + org + "/billing-settings", "PUT",
                        i -> "{\"billingEmail\":\"bill-" + i + "@example.com\"}", i -> "bill-" + i + "@example.com", "billing",
                        "BillingSettingsChanged", "billing-accounts/" + org),
                new Race("billing-service", "/api/v1/organizations/" + org + "/alerts", "PUT", i -> "{\"thresholds\":[" + (10 + i) + ",95]}",
                        i -> String.valueOf(10 + i), "billing", "AlertThresholdsChanged", "billing-accounts/" + org),
                new Race("billing-service", "/api/v1/organizations/" + org + "/limits/users", "PUT", i -> "{\"limit\":" + (100 + i) + "}",
                        i -> String.valueOf(100 + i), "billing", "LimitChanged", "billing-accounts/" + org));
        List<String> summary = new ArrayList<>();
        summary.add(renameRace());
        List<Raced> raced = new ArrayList<>();
        for (Race race : races) {
            raced.add(race(race));
        }
        // the events are awaited together: one second after the last winner's for a loser's to show up, not one per race
        for (Raced one : raced) {
            await().atMost(RELAYED).until(() -> events(one.race()).size() > one.eventsBefore());
        }
        Thread.sleep(1_000); // an event of a loser would have been relayed with the winner's
        for (Raced one : raced) {
            summary.add(oneEventTells(one));
        }
        Figures.line("concurrent updates, 20 with one If-Match each: " + String.join("; ", summary));
    }

    /** A race run: the events of its type there were before, whose change won, and how the others were refused. */
    record Raced(Race race, long eventsBefore, String winner, List<Http.Answer> refused) {
    }

    private Raced race(Race race) throws Exception {
        String url = flows.url(race.service()) + race.path();
        String readUrl = race.path().contains("/limits/") ? url.substring(0, url.lastIndexOf('/')) : url;
        String etag = given().auth().oauth2(owner.token()).get(readUrl).then().statusCode(200).extract().header("ETag");
        long before = events(race).size();
        List<Http.Answer> answers = Concurrently.run(N, i -> Http.send(race.method(), url,
                Map.of("Authorization", "Bearer " + owner.token(), "If-Match", etag), race.body().apply(i)));
        String what = race.method() + " " + race.path();
        List<Integer> won = IntStream.range(0, N).filter(i -> answers.get(i).ok()).boxed().toList();
        List<Http.Answer> refused = answers.stream().filter(a -> !a.ok()).toList();
        assertEquals(List.of(), refused.stream().filter(a -> !((a.status() == 412 || a.status() == 409) && problem(a))).toList(),
                what + ": every loser is a 412 or 409 problem");
        assertEquals(1, won.size(), () -> what + ": exactly one of 20 with the same If-Match wins: " + answers);
        String winner = race.shown().apply(won.get(0));
        String shown = given().auth().oauth2(owner.token()).get(readUrl).then().statusCode(200).extract().asString();
        assertTrue(shown.contains(winner), () -> what + ": shows the winner's change " + winner + ": " + shown);

        return new Raced(race, before, winner, refused);
    }

    private String oneEventTells(Raced raced) {
        Race race = raced.race();
        String what = race.method() + " " + race.path();
        String winner = raced.winner();
        List<ConsumerRecord<String, String>> after = events(race);
        assertEquals(raced.eventsBefore() + 1, after.size(), () -> what + ": one " + race.eventType() + " for one change: " + after);
        String data = after.get(after.size() - 1).value();
        boolean namesFieldsOnly = race.eventType().equals("UserProfileUpdated"); // it says which fields changed, not to what
        assertTrue(namesFieldsOnly || data.contains(winner), () -> what + ": the event carries the winner's change " + winner + ": " + data);
        return race.eventType() + " 1 × 2xx, " + raced.refused().size() + " × " + tally(raced.refused());
    }

    /** Twenty renames of the Owner at once: Keycloak keeps the committed name, never a refused one it was sent first. */
    private String renameRace() throws Exception {
        String url = flows.url("user-service") + "/api/v1/users/me";
        String etag = given().auth().oauth2(owner.token()).get(url).then().statusCode(200).extract().header("ETag");
        List<Http.Answer> answers = Concurrently.run(N, i -> Http.send("PATCH", url,
                Map.of("Authorization", "Bearer " + owner.token(), "If-Match", etag), "{\"name\":\"Racer" + (char) ('A' + i) + " Person\"}"));
        List<Integer> won = IntStream.range(0, N).filter(i -> answers.get(i).ok()).boxed().toList();
        assertEquals(1, won.size(), () -> "one rename of 20 wins: " + answers);
        assertEquals(List.of(), answers.stream().filter(a -> !a.ok() && !((a.status() == 412 || a.status() == 409) && problem(a))).toList(), "the others are 412 or 409 problems");
        String committed = "Racer" + (char) ('A' + won.get(0));
        String shown = given().auth().oauth2(owner.token()).get(url).then().statusCode(200).extract().path("name");
        assertEquals(committed + " Person", shown);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(committed,
                TestUsers.inKeycloak(owner.id()).path("firstName").asText(), "Keycloak holds the committed name"));
        return "a rename 1 × 2xx, Keycloak kept it";
    }

    @Test
    void twentyCreationsOfOneThingAtOnceMakeOneAndHoldOneSeat() throws Exception {
        // a team of one name
        String teams = flows.url("user-service") + "/api/v1/organizations/" + org + "/teams";
        Race teamCreated = new Race("user-service", "", "POST", null, null, "memberships", "TeamCreated", null);
        long teamsBefore = events(teamCreated, r -> r.value().contains("\"twin-team\"")).size();
        List<Http.Answer> created = Concurrently.run(N, i -> Http.post(teams, Http.bearer(owner.token()), "{\"name\":\"twin-team\"}"));
        assertOneCreatedRestConflicts("POST teams", created);

        // an invitation of one person: one seat held, none left behind by the 19 refused
        long seats = flows.usedSeats(owner, org);
        String email = "twin-" + UUID.randomUUID() + "@example.com";
        List<Http.Answer> invited = Concurrently.run(N, i -> Http.post(flows.url("invitation-service") + "/api/v1/organizations/" + org
                + "/invitations", Http.bearer(owner.token()), "{\"email\":\"" + email + "\",\"name\":\"Twin\",\"role\":\"DEVELOPER\",\"teams\":[\"My Team\"]}"));
        assertOneCreatedRestConflicts("POST invitations", invited);
        assertEquals(seats + 1, flows.usedSeats(owner, org), "one seat for the one invitation, none held for the refused");
        Race invitationCreated = new Race("invitation-service", "", "POST", null, null, "invitations", "InvitationCreated", null);

        // an organization of one name: one created, one billing account opened
        String name = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        List<Http.Answer> orgs = Concurrently.run(N, i -> Http.post(flows.url("org-service") + "/api/v1/organizations",
                Http.bearer(owner.token()), "{\"name\":\"" + name + "\",\"displayName\":\"Twin\",\"region\":\"EU\"}"));
        assertOneCreatedRestConflicts("POST organizations", orgs);
        String twin = JSON.readTree(orgs.stream().filter(Http.Answer::ok).findFirst().orElseThrow().body()).get("id").asText();
        Race opened = new Race("billing-service", "", "POST", null, null, "billing", "BillingAccountOpened", "billing-accounts/" + twin);
        await().atMost(RELAYED).until(() -> events(opened).size() == 1);
        // a loser's event would have been relayed with the winner's: one second after the last for all three
        await().atMost(RELAYED).until(() -> events(teamCreated, r -> r.value().contains("\"twin-team\"")).size() > teamsBefore);
        await().atMost(RELAYED).until(() -> events(invitationCreated, r -> r.value().contains(email)).size() >= 1);
        Thread.sleep(1_000);
        assertEquals(teamsBefore + 1, events(teamCreated, r -> r.value().contains("\"twin-team\"")).size(), "one TeamCreated");
        assertEquals(1, events(invitationCreated, r -> r.value().contains(email)).size(), "one InvitationCreated");
        Race orgCreated = new Race("org-service", "", "POST", null, null, "organizations", "OrganizationCreated", null);
        assertEquals(1, events(orgCreated, r -> r.value().contains("\"" + name + "\"")).size(), "one OrganizationCreated");
        Figures.line("concurrent creations, 20 of one thing each: a team, an invitation (one seat held), an organization: "
                + "1 × 201 and 19 × 409 each, one event each");
    }

    private static void assertOneCreatedRestConflicts(String what, List<Http.Answer> answers) {
        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), () -> what + ": exactly one created: " + answers);
        assertEquals(List.of(), answers.stream().filter(a -> a.status() != 201 && !(a.status() == 409 && problem(a))).toList(),
                what + ": the others are 409 problems");
    }

    private static boolean problem(Http.Answer a) {
        return a.contentType() != null && a.contentType().startsWith("application/problem+json");
    }

    private static String tally(List<Http.Answer> answers) {
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        return byStatus.toString();
    }

    private static List<ConsumerRecord<String, String>> events(Race race) {
        return events(race, r -> race.subject().equals(KafkaEvents.header(r, "ce_subject")));
    }

    private static List<ConsumerRecord<String, String>> events(Race race, java.util.function.Predicate<ConsumerRecord<String, String>> which) {
        return Topics.readAll(stack.config().kafkaBootstrap(), race.topic()).stream()
                .filter(r -> race.eventType().equals(KafkaEvents.header(r, "ce_type")) && which.test(r)).toList();
    }

}
