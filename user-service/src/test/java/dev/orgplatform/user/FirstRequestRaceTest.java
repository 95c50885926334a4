package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The first requests of a person user-service has never seen, arriving together and while the consumer of their
 * organization's OrganizationCreated makes them its Owner (README's first flow, and a browser opening several tabs):
 * none may fail. Each such request records the login time; two of them updating the profile at once used to collide
 * on its version and answer 500.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class FirstRequestRaceTest {

    private static final int ROUNDS = 4;
    private static final int REQUESTS = 12;

    @Test
    void firstRequestsOfANewUserNeverFail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                TestUsers.User user = TestUsers.create("first");
                String token = user.token();
                UUID org = UUID.randomUUID();
                List<Callable<Integer>> firstRequests = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String path = i % 2 == 0 ? "/api/v1/users/me" : "/api/v1/organizations/" + org + "/members";
                    firstRequests.add(() -> given().auth().oauth2(token).get(path).statusCode());
                }
                Fixture.publishOrg(org, "OrganizationCreated", Map.of("organizationId", org, "name", "o-" + org, "rootId", org,
                        "depth", 1, "ownerId", user.id(), "ownerEmail", user.email()));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(firstRequests, 60, TimeUnit.SECONDS)) {
                    statuses.add(f.get());
                }
                // the members page may still be 404 (the organization not yet applied), never a 5xx
                assertEquals(0, statuses.stream().filter(s -> s >= 500).count(), "round " + round + ": " + statuses);

                Fixture.awaitRole(user.id(), org, "OWNER");
                given().auth().oauth2(token).get("/api/v1/users/me").then().statusCode(200)
                        .body("email", equalTo(user.email())).body("lastLoginAt", notNullValue());
                given().auth().oauth2(token).get("/api/v1/organizations/" + org + "/members").then().statusCode(200)
                        .body("items", hasSize(1)).body("items[0].role", equalTo("OWNER"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
