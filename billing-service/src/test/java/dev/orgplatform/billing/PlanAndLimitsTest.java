package dev.orgplatform.billing;

import static dev.orgplatform.billing.BillingFixture.openedOrganization;
import static dev.orgplatform.billing.BillingFixture.reserve;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Plans and custom limits through the REST API; user-service's check is stood in for by the platform's GrantedAccess. */
@QuarkusTest
@QuarkusTestResource(BillingServiceStack.class)
class PlanAndLimitsTest {

    @Test
    void withoutUserServiceTheUserFacingEndpointsFailClosed() {
        UUID org = openedOrganization();
        given().auth().oauth2(TestUsers.create("owner").token()).when().get(path(org, "/limits"))
                .then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void aPlanChangeRaisesTheLimitsThatWereNotSetByHand() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(owner.id(), org, Role.OWNER, "billing:read", "billing:manage"),
                AccessPolicy.class);

        Response free = limits(owner, org).then().statusCode(200).body("plan", equalTo("FREE"))
                .body(limit("users"), equalTo(50)).body(limit("products"), equalTo(100)).body(limit("webhooks"), equalTo(25))
                .body(limit("devices"), equalTo(10000)).body(limit("apiKeys"), equalTo(100))
                .body(field("users", "maximum"), equalTo(500)).body(field("products", "maximum"), nullValue())
                .body(field("activeDeployments", "limit"), nullValue()).body(field("users", "used"), equalTo(1)).extract().response();

        // a custom webhook limit survives the plan change, the other limits follow the plan
        String etag = given().auth().oauth2(owner.token()).header("If-Match", free.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("limit", 30)).when().put(path(org, "/limits/webhooks"))
                .then().statusCode(200).body(limit("webhooks"), equalTo(30)).body(field("webhooks", "custom"), equalTo(true))
                .extract().header("ETag");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("plan", "PRO")).when().put(path(org, "/plan"))
                .then().statusCode(200).body("plan", equalTo("PRO")).body(limit("users"), equalTo(200))
                .body(limit("products"), equalTo(1000)).body(limit("webhooks"), equalTo(30));

        KafkaEvents kafka = BillingFixture.kafka();
        ConsumerRecord<String, String> changed = kafka.await("billing",
                r -> org.toString().equals(r.key()) && "PlanChanged".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(20));
        assertEquals("{\"organizationId\":\"" + org + "\",\"previousPlan\":\"FREE\",\"plan\":\"PRO\"}", changed.value());
        kafka.await("billing", r -> org.toString().equals(r.key()) && "LimitChanged".equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains("\"resource\":\"webhooks\"") && r.value().contains("\"limit\":30"), Duration.ofSeconds(20));

        // Enterprise: the unlimited resources become unlimited, the rest reach their maximum
        given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("plan", "ENTERPRISE")).when().put(path(org, "/plan"))
                .then().statusCode(200).body(limit("users"), equalTo(500)).body(limit("products"), nullValue())
                .body(limit("apiKeys"), equalTo(1000));
    }

    @Test
    void customLimitsStayWithinTheMaximumAndAboveTheUsage() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(owner.id(), org, Role.OWNER, "billing:read", "billing:manage"),
                AccessPolicy.class);
        reserve(org, "apiKeys", 10, "ten-keys").then().statusCode(201);

        setLimit(owner, org, "users", 501).then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        setLimit(owner, org, "users", -1).then().statusCode(400).body("errors.field", hasItem("limit"));
        setLimit(owner, org, "apiKeys", 9).then().statusCode(409).body("used", equalTo(10));
        setLimit(owner, org, "activeDeployments", 5).then().statusCode(400).body("errors.field", hasItem("resource"));
        setLimit(owner, org, "spaceships", 5).then().statusCode(400).body("errors.field", hasItem("resource"));
        setLimit(owner, org, "users", 500).then().statusCode(200).body(limit("users"), equalTo(500));
        setLimit(owner, org, "products", 1_000_000).then().statusCode(200).body(limit("products"), equalTo(1_000_000));
        setLimit(owner, org, "apiKeys", 10).then().statusCode(200).body(limit("apiKeys"), equalTo(10));
        reserve(org, "apiKeys", 1, "eleventh").then().statusCode(409);

        // dropped, the plan's limit applies again
        given().auth().oauth2(owner.token()).header("If-Match", "*").when().delete(path(org, "/limits/apiKeys"))
                .then().statusCode(200).body(limit("apiKeys"), equalTo(100)).body(field("apiKeys", "custom"), equalTo(false));
        // a downgrade below usage is refused
        given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("plan", "ENTERPRISE")).when().put(path(org, "/plan")).then().statusCode(200);
        setLimit(owner, org, "users", 50).then().statusCode(200);
        reserve(org, "webhooks", 30, "thirty").then().statusCode(201);
        given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("plan", "FREE")).when().put(path(org, "/plan")).then().statusCode(409).body("resource", equalTo("webhooks"));
        limits(owner, org).then().body("plan", equalTo("ENTERPRISE"));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(owner.id(), org, Role.OWNER, "billing:read", "billing:manage"),
                AccessPolicy.class);
        String etag = limits(owner, org).then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("plan", "PLUS"))
                .when().put(path(org, "/plan")).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("plan", "PLUS"))
                .when().put(path(org, "/plan")).then().statusCode(200).body(limit("users"), equalTo(100));
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("plan", "PRO"))
                .when().put(path(org, "/plan")).then().statusCode(412);
        given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("plan", "GOLD"))
                .when().put(path(org, "/plan")).then().statusCode(400).body("errors.field", hasItem("plan"));
    }

    @Test
    void membersWithoutTheBillingPermissionAreForbidden() {
        TestUsers.User owner = TestUsers.create("owner");
        TestUsers.User developer = TestUsers.create("developer");
        TestUsers.User reader = TestUsers.create("reader");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(developer.id(), org, Role.DEVELOPER, "organization:read")
                .grant(reader.id(), org, Role.ADMIN, "organization:read", "billing:read"), AccessPolicy.class);

        // without billing:read nothing; with it alone, reading but no change
        for (Response r : reads(developer, org)) {
            r.then().statusCode(403).contentType("application/problem+json").body("detail", containsString("billing:read"));
        }
        for (Response r : writes(developer, org)) {
            r.then().statusCode(403).contentType("application/problem+json").body("detail", containsString("billing:manage"));
        }
        for (Response r : reads(reader, org)) {
            r.then().statusCode(200);
        }
        for (Response r : writes(reader, org)) {
            r.then().statusCode(403).contentType("application/problem+json").body("detail", containsString("billing:manage"));
        }
        BillingFixture.limits(org).then().statusCode(200).body("plan", equalTo("FREE")).body(limit("users"), equalTo(50));
    }

    @Test
    void anotherOrganizationsCallerIsToldNothingExists() {
        TestUsers.User owner = TestUsers.create("owner");
        TestUsers.User stranger = TestUsers.create("stranger");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        UUID strangersOrg = openedOrganization(UUID.fromString(stranger.id()), stranger.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(stranger.id(), strangersOrg, Role.OWNER, "billing:read", "billing:manage"),
                AccessPolicy.class);

        List<Response> all = new ArrayList<>(reads(stranger, org));
        all.addAll(writes(stranger, org));
        for (Response r : all) {
            r.then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("organization " + org + " does not exist"));
        }
        // people never reach the service-only endpoints, whatever their organization
        given().auth().oauth2(stranger.token()).when().get(path(strangersOrg, "/deletion-preconditions")).then().statusCode(403);
        given().auth().oauth2(stranger.token()).contentType(ContentType.JSON).body(Map.of("outstandingCents", 0))
                .when().put(path(strangersOrg, "/balance")).then().statusCode(403);
        BillingFixture.limits(org).then().statusCode(200).body("plan", equalTo("FREE")).body(limit("users"), equalTo(50));
    }

    /** Every endpoint that needs billing:read. */
    static List<Response> reads(TestUsers.User user, UUID org) {
        return List.of(limits(user, org),
                given().auth().oauth2(user.token()).when().get(path(org, "/billing-settings")),
                given().auth().oauth2(user.token()).when().get(path(org, "/alerts")));
    }

    /** Every endpoint that needs billing:manage, each with a valid request. */
    static List<Response> writes(TestUsers.User user, UUID org) {
        return List.of(
                given().auth().oauth2(user.token()).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("plan", "PRO"))
                        .when().put(path(org, "/plan")),
                setLimit(user, org, "users", 100),
                given().auth().oauth2(user.token()).header("If-Match", "*").when().delete(path(org, "/limits/users")),
                given().auth().oauth2(user.token()).header("If-Match", "*").contentType(ContentType.JSON)
                        .body(Map.of("billingEmail", "thief@example.com")).when().put(path(org, "/billing-settings")),
                given().auth().oauth2(user.token()).header("If-Match", "*").contentType(ContentType.JSON)
                        .body(Map.of("thresholds", List.of(1))).when().put(path(org, "/alerts")));
    }

    static Response limits(TestUsers.User user, UUID org) {
        return given().auth().oauth2(user.token()).when().get(path(org, "/limits"));
    }

    static Response setLimit(TestUsers.User user, UUID org, String resource, long limit) {
        return given().auth().oauth2(user.token()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("limit", limit)).when().put(path(org, "/limits/" + resource));
    }

    static String path(UUID org, String rest) {
        return "/api/v1/organizations/" + org + rest;
    }

    static String limit(String resource) {
        return field(resource, "limit");
    }

    static String field(String resource, String field) {
        return "resources.find { it.resource == '" + resource + "' }." + field;
    }
}
