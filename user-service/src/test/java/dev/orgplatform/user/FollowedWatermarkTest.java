package dev.orgplatform.user;

import static dev.orgplatform.user.Fixture.check;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.StandInRelay;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Organization facts reach the view through Kafka; only org-service's watermarks show the copy is current. Without
 * them for longer than the staleness bound, no check answers "allowed": it fails closed with a 503 naming the source,
 * and answers again once the watermarks are back.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class FollowedWatermarkTest {

    @Test
    void withoutRecentWatermarksOfOrgServiceNoCheckIsAllowedAndOnceTheyAreBackChecksAnswerAgain() {
        TestUsers.User owner = TestUsers.create("watermark-owner");
        UUID org = Fixture.organization(owner);
        check(owner.id(), org, "organization:read").then().statusCode(200).body("allowed", equalTo(true));
        StandInRelay.hold();
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> check(owner.id(), org, "organization:read").statusCode() == 503);
            long allowed = 0;
            for (int i = 0; i < 10; i++) {
                Response r = check(owner.id(), org, "organization:read");
                assertTrue(r.statusCode() == 503 || r.statusCode() == 200 && !r.jsonPath().getBoolean("allowed"),
                        "answered from a view it cannot show to be current: " + r.asString());
                if (r.statusCode() == 200) {
                    allowed++;
                }
            }
            assertEquals(0, allowed);
            check(owner.id(), org, "organization:read").then().statusCode(503).header("Retry-After", equalTo("2"))
                    .body("detail", containsString("/org-service"));
        } finally {
            StandInRelay.release();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(owner.id(), org, "organization:read").then()
                .statusCode(200).body("allowed", equalTo(true)));
    }
}
