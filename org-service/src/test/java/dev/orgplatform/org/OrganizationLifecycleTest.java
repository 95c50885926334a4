package dev.orgplatform.org;

import static dev.orgplatform.org.Fixtures.await;
import static dev.orgplatform.org.Fixtures.refusal;
import static dev.orgplatform.org.Fixtures.suffix;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.org.service.OrganizationDeletionService;
import dev.orgplatform.org.service.OrganizationPurgeJob;
import dev.orgplatform.org.service.NewOrganization;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.org.service.OwnershipService;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Deletion, restore, purge, ownership and what org-service decides before asking anyone. user-service and
 * billing-service do not run in this module's tests: where an answer needs them the expected answer is a
 * 503 problem (fail closed); the allowed paths are in system-tests' OrganizationLifecycleIT.
 */
@QuarkusTest
@QuarkusTestResource(OrgServiceStack.class)
class OrganizationLifecycleTest {

    private static TestUsers.User alice;
    private static TestUsers.User bob;

    @Inject
    OrganizationService organizations;
    @Inject
    OrganizationRepository repository;
    @Inject
    OrganizationDeletionService deletions;
    @Inject
    OrganizationPurgeJob purgeJob;
    @Inject
    OwnershipService ownership;

    @BeforeAll
    static void users() {
        alice = TestUsers.create("alice");
        bob = TestUsers.create("bob");
    }

    @Test
    void deletionNeedsTheNameTypedAsConfirmation() {
        Organization o = create(alice);
        given().auth().oauth2(alice.token()).when().delete("/api/v1/organizations/" + o.id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("confirm"));
        ProblemException wrong = refusal(() -> deletions.requestDeletion(o.id, o.name + "x", UUID.randomUUID()));
        assertEquals(400, wrong.status());
        assertEquals("confirm", wrong.errors().get(0).field());
        // the right name: the preconditions need user-service and billing-service, down here: 503, nothing changes
        assertEquals(503, refusal(() -> deletions.requestDeletion(o.id, o.name, UUID.randomUUID())).status());
        assertEquals(OrganizationState.ACTIVE, await(() -> organizations.findAvailable(o.id)).state);
    }

    @Test
    void anOrganizationPendingDeletionIsAbsentEverywhere() {
        Organization o = create(alice);
        markPendingDeletion(o.id, Instant.now().plus(Duration.ofDays(7)));
        // user-service answers "no role" for an organization pending deletion: the gate says 404
        Fixtures.grantedAccess();
        pendingEndpointsAnswer404(o);
        // and should its view lag behind, the service itself still answers 404
        Fixtures.grantedAccess().grant(alice.id(), o.id, Role.OWNER, Fixtures.OWNER);
        pendingEndpointsAnswer404(o);
        // listed only to its Owner, and only when asked for (no user-service needed: org-service knows the Owner)
        given().auth().oauth2(alice.token()).when().get("/api/v1/organizations?state=PENDING_DELETION&name=" + o.name)
                .then().statusCode(200).body("items.id", hasItem(o.id.toString()));
        given().auth().oauth2(bob.token()).when().get("/api/v1/organizations?state=PENDING_DELETION&name=" + o.name)
                .then().statusCode(200).body("items.id", not(hasItem(o.id.toString())));
    }

    private void pendingEndpointsAnswer404(Organization o) {
        String url = "/api/v1/organizations/" + o.id;
        for (var request : List.of(
                given().auth().oauth2(alice.token()).when().get(url),
                given().auth().oauth2(alice.token()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("displayName", "x"))
                        .when().patch(url),
                given().auth().oauth2(alice.token()).when().get(url + "/settings"),
                given().auth().oauth2(alice.token()).when().get(url + "/settings/effective"),
                given().auth().oauth2(alice.token()).when().get(url + "/children"),
                given().auth().oauth2(alice.token()).when().get(url + "/subtree"),
                given().auth().oauth2(alice.token()).when().get(url + "/ancestors"),
                given().auth().oauth2(alice.token()).when().delete(url + "?confirm=" + o.name),
                given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("newOwnerId", bob.id()))
                        .when().post(url + "/ownership"))) {
            request.then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("organization " + o.id + " does not exist"));
        }
    }

    @Test
    void theOwnerRestoresWithinTheGracePeriodAndNotAfter() {
        Organization o = create(alice);
        markPendingDeletion(o.id, Instant.now().plus(Duration.ofDays(7)));
        // not the Owner: user-service would have to say (down here: 503, and nothing restored)
        given().auth().oauth2(bob.token()).when().post("/api/v1/organizations/" + o.id + "/restore").then().statusCode(503);
        given().auth().oauth2(alice.token()).when().post("/api/v1/organizations/" + o.id + "/restore")
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
        Fixtures.event("OrganizationRestored", o.id);
        assertEquals(OrganizationState.ACTIVE, await(() -> organizations.findAvailable(o.id)).state);
        // restored already: told only to whoever may read it, which user-service says (down here: 503, nothing told;
        // OrganizationLifecycleIT sees the 409)
        given().auth().oauth2(alice.token()).when().post("/api/v1/organizations/" + o.id + "/restore").then().statusCode(503)
                .body("detail", not(containsString("ACTIVE")));

        Organization late = create(alice);
        markPendingDeletion(late.id, Instant.now().plus(Duration.ofDays(7)));
        Fixtures.MovableClock clock = new Fixtures.MovableClock();
        clock.set(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        QuarkusMock.installMockForType(clock, PlatformClock.class);
        given().auth().oauth2(alice.token()).when().post("/api/v1/organizations/" + late.id + "/restore").then().statusCode(404);
    }

    @Test
    void thePurgeJobDeletesOnlyWhatIsPastTheGracePeriod() {
        Fixtures.MovableClock clock = new Fixtures.MovableClock();
        QuarkusMock.installMockForType(clock, PlatformClock.class);
        Instant scheduled = Instant.now();
        Organization o = create(alice);
        markPendingDeletion(o.id, scheduled.plus(Duration.ofDays(7)));

        clock.set(scheduled.plus(Duration.ofDays(6)));
        await(() -> purgeJob.purgeUntilNoneDue());
        assertEquals(OrganizationState.PENDING_DELETION, await(() -> Panache.withSession(() -> repository.findById(o.id))).state);

        clock.set(scheduled.plus(Duration.ofDays(7)).plusSeconds(1));
        await(() -> purgeJob.purgeUntilNoneDue());
        assertNull(await(() -> Panache.withSession(() -> repository.findById(o.id))));
        Fixtures.event("OrganizationPurged", o.id);
        // even were user-service not yet to have forgotten it
        Fixtures.grantedAccess().grant(alice.id(), o.id, Role.OWNER, Fixtures.OWNER);
        given().auth().oauth2(alice.token()).when().get("/api/v1/organizations/" + o.id).then().statusCode(404);
    }

    @Test
    void ownershipGoesOnlyToAnotherMemberAndAsksUserService() {
        Organization o = create(alice);
        ProblemException toSelf = refusal(() -> ownership.transfer(o.id, UUID.fromString(alice.id())));
        assertEquals(409, toSelf.status());
        assertEquals("newOwnerId", toSelf.errors().get(0).field());
        assertEquals(503, refusal(() -> ownership.transfer(o.id, UUID.fromString(bob.id()))).status());
        assertEquals(UUID.fromString(alice.id()), await(() -> organizations.findAvailable(o.id)).ownerId);
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/organizations/" + o.id + "/ownership")
                .then().statusCode(400).body("errors.field", hasItem("newOwnerId"));
    }

    @Test
    void inputIsRefusedBeforeAnyoneIsAskedNamingEachField() {
        Organization o = create(alice);
        String url = "/api/v1/organizations/" + o.id;
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("displayName", "No ETag"))
                .when().patch(url).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("security", Map.of("enforce2fa", true, "ipAllowlist", List.of("10.0.0.0/8", "not-a-cidr", "10.0.0.0/33"),
                        "maxSessionMinutes", 0, "apiKeyMaxLifetimeDays", -3), "billingContactEmail", "not-an-email"))
                .header("If-Match", "\"0\"").when().put(url + "/settings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("security.ipAllowlist[1]", "security.ipAllowlist[2]", "security.maxSessionMinutes",
                        "security.apiKeyMaxLifetimeDays", "billingContactEmail"))
                .body("errors.field", not(hasItem("security.ipAllowlist[0]")));
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("dryRun", true))
                .when().post(url + "/move").then().statusCode(400).body("errors.field", hasItem("newParentId"));
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("name", "Bad Slug", "displayName", "c"))
                .when().post(url + "/children").then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(alice.token()).when().get("/api/v1/organizations?limit=0").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().auth().oauth2(alice.token()).when().get("/api/v1/organizations?region=MARS").then().statusCode(400)
                .body("errors.field", hasItem("region"));
        given().auth().oauth2(alice.token()).when().get("/api/v1/organizations?cursor=%%%").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void everyEndpointFailsClosedWhenUserServiceCannotBeAsked() {
        Organization o = create(alice);
        String url = "/api/v1/organizations/" + o.id;
        for (var request : List.of(
                given().auth().oauth2(bob.token()).when().get(url),
                given().auth().oauth2(bob.token()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("displayName", "x"))
                        .when().patch(url),
                given().auth().oauth2(bob.token()).when().get(url + "/settings"),
                given().auth().oauth2(bob.token()).when().get(url + "/settings/effective"),
                given().auth().oauth2(bob.token()).when().get(url + "/children"),
                given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("name", "c-" + suffix(), "displayName", "c"))
                        .when().post(url + "/children"),
                given().auth().oauth2(bob.token()).when().get(url + "/subtree"),
                given().auth().oauth2(bob.token()).when().get(url + "/ancestors"),
                given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("newParentId", o.id)).when().post(url + "/move"),
                given().auth().oauth2(bob.token()).when().delete(url + "?confirm=" + o.name),
                given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("newOwnerId", bob.id()))
                        .when().post(url + "/ownership"),
                given().auth().oauth2(bob.token()).when().get("/api/v1/organizations?name=" + o.name))) {
            request.then().statusCode(503).contentType("application/problem+json").body("title", equalTo("Dependency unavailable"));
        }
        given().when().get(url + "/subtree").then().statusCode(401);
        given().when().get("/api/v1/organizations").then().statusCode(401);
    }

    private Organization create(TestUsers.User owner) {
        return await(() -> organizations.createRoot(new NewOrganization("l-" + suffix(), "Lifecycle", null, null, Region.US, null, null),
                UUID.fromString(owner.id()), owner.email()));
    }

    /** Arranges an organization whose deletion was accepted (the acceptance itself needs user- and billing-service). */
    private void markPendingDeletion(UUID id, Instant purgeAfter) {
        await(() -> Panache.withTransaction(() -> repository.findById(id).invoke(o -> {
            o.state = OrganizationState.PENDING_DELETION;
            o.purgeAfter = purgeAfter;
        })));
    }
}
