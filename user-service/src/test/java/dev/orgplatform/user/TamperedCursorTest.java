package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.rest.Cursor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every list answers a cursor it did not make with 400 naming {@code cursor}, never 500. */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class TamperedCursorTest {

    @Test
    void everyListRefusesATamperedCursor() {
        TestUsers.User owner = TestUsers.create("cursor-owner");
        UUID org = Fixture.organization(owner);
        List<String> tampered = List.of("garbage!", Cursor.encode("yesterday", "not-an-id"), Cursor.encode("only-one-key"),
                Cursor.encode(Instant.now().toString(), "42"));
        for (String path : List.of("/api/v1/organizations/" + org + "/members", "/api/v1/organizations/" + org + "/api-keys",
                "/api/v1/organizations/" + org + "/audit", "/api/v1/users/me/audit")) {
            for (String cursor : tampered) {
                given().auth().oauth2(owner.token()).queryParam("cursor", cursor).get(path).then().statusCode(400)
                        .body("errors.field", contains("cursor"));
            }
        }
    }
}
