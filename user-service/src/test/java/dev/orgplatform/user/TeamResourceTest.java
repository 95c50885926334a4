package dev.orgplatform.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.Secrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class TeamResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void teamsAreCreatedRenamedAndDeletedAndEveryMemberKeepsATeam() {
        TestUsers.User owner = TestUsers.create("team-owner");
        TestUsers.User dev = TestUsers.create("team-dev");
        UUID org = Fixture.organization(owner);
        Fixture.member(org, dev, "DEVELOPER", "My Team");
        String teams = "/api/v1/organizations/" + org + "/teams";
        given().auth().oauth2(dev.token()).get(teams).then().statusCode(200).body("name", contains("My Team"));
        given().auth().oauth2(Fixture.serviceToken()).get(teams).then().statusCode(200).body("name", contains("My Team"));
        String myTeam = given().auth().oauth2(owner.token()).get(teams).then().extract().path("[0].id");

        given().auth().oauth2(dev.token()).contentType(ContentType.JSON).body(Map.of("name", "Nope")).post(teams).then().statusCode(403);
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "")).post(teams).then()
                .statusCode(400).body("errors.field", contains("name"));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "My Team")).post(teams).then()
                .statusCode(409);
        var created = given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "Firmware"))
                .post(teams).then().statusCode(201).extract();
        String firmware = created.path("id");
        String etag = created.header("ETag");
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "Devices"))
                .patch(teams + "/" + firmware).then().statusCode(428);
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "Devices"))
                .patch(teams + "/" + firmware).then().statusCode(200).body("name", equalTo("Devices"));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "Again"))
                .patch(teams + "/" + firmware).then().statusCode(412);

        // the developer joins Devices as its admin, then leaves My Team: Devices is now their only team
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("teamRole", "TEAM_ADMIN"))
                .put(teams + "/" + firmware + "/members/" + dev.id()).then().statusCode(200).body("teamRole", equalTo("TEAM_ADMIN"));
        given().auth().oauth2(owner.token()).delete(teams + "/" + myTeam + "/members/" + dev.id()).then().statusCode(204);
        given().auth().oauth2(owner.token()).delete(teams + "/" + firmware + "/members/" + dev.id()).then().statusCode(409)
                .body("detail", containsString("only team"));
        given().auth().oauth2(owner.token()).delete(teams + "/" + firmware).then().statusCode(409)
                .body("detail", containsString("only team"));
        // a team admin manages their team's members without team:manage, but not through a read key
        String readKey = Secrets.generate("opk_");
        new Database(dataSource).insertKey(dev, org, readKey, "read", Instant.now().plus(Duration.ofDays(1)));
        given().header("X-API-Key", readKey).contentType(ContentType.JSON).body(Map.of("teamRole", "MEMBER"))
                .put(teams + "/" + firmware + "/members/" + owner.id()).then().statusCode(403)
                .body("detail", containsString("scopes"));
        given().auth().oauth2(dev.token()).contentType(ContentType.JSON).body(Map.of("teamRole", "MEMBER"))
                .put(teams + "/" + firmware + "/members/" + owner.id()).then().statusCode(200);
        given().auth().oauth2(dev.token()).contentType(ContentType.JSON).body(Map.of("teamRole", "MEMBER"))
                .put(teams + "/" + myTeam + "/members/" + dev.id()).then().statusCode(403);
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("teamRole", "MEMBER"))
                .put(teams + "/" + firmware + "/members/" + UUID.randomUUID()).then().statusCode(400)
                .body("errors.field", contains("userId"));
        given().auth().oauth2(owner.token()).get(teams + "/" + firmware + "/members").then()
                .body("userId", containsInAnyOrder(dev.id(), owner.id()));
        given().auth().oauth2(owner.token()).get("/api/v1/organizations/" + org + "/members?team=" + firmware).then()
                .body("items.userId", containsInAnyOrder(dev.id(), owner.id()));
        // back in My Team, the developer's Devices team can go
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("teamRole", "MEMBER"))
                .put(teams + "/" + myTeam + "/members/" + dev.id()).then().statusCode(200);
        given().auth().oauth2(owner.token()).delete(teams + "/" + firmware).then().statusCode(204);
        given().auth().oauth2(owner.token()).get(teams).then().body("name", contains("My Team"));
    }

    @Test
    void anotherTenantSeesAndChangesNoTeam() {
        TestUsers.User owner = TestUsers.create("teams-owner");
        TestUsers.User outsider = TestUsers.create("teams-outsider");
        UUID org = Fixture.organization(owner);
        Fixture.organization(outsider);
        String teams = "/api/v1/organizations/" + org + "/teams";
        String myTeam = given().auth().oauth2(owner.token()).get(teams).then().extract().path("[0].id");
        given().auth().oauth2(outsider.token()).get(teams).then().statusCode(404);
        given().auth().oauth2(outsider.token()).get(teams + "/" + myTeam).then().statusCode(404);
        given().auth().oauth2(outsider.token()).get(teams + "/" + myTeam + "/members").then().statusCode(404);
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body(Map.of("name", "X")).post(teams).then().statusCode(404);
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("name", "X"))
                .patch(teams + "/" + myTeam).then().statusCode(404);
        given().auth().oauth2(outsider.token()).delete(teams + "/" + myTeam).then().statusCode(404);
        given().auth().oauth2(outsider.token()).contentType(ContentType.JSON).body(Map.of("teamRole", "MEMBER"))
                .put(teams + "/" + myTeam + "/members/" + outsider.id()).then().statusCode(404);
        given().auth().oauth2(outsider.token()).delete(teams + "/" + myTeam + "/members/" + owner.id()).then().statusCode(404);
        given().auth().oauth2(owner.token()).get(teams + "/" + myTeam + "/members").then().body("userId", contains(owner.id()));
    }
}
