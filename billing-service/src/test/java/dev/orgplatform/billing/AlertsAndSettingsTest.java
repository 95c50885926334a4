package dev.orgplatform.billing;

import static dev.orgplatform.billing.BillingFixture.openedOrganization;
import static dev.orgplatform.billing.BillingFixture.organizationEvent;
import static dev.orgplatform.billing.BillingFixture.preconditions;
import static dev.orgplatform.billing.BillingFixture.reservations;
import static dev.orgplatform.billing.BillingFixture.reserve;
import static dev.orgplatform.billing.BillingFixture.paymentSystemToken;
import static dev.orgplatform.billing.BillingFixture.serviceToken;
import static dev.orgplatform.billing.PlanAndLimitsTest.path;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.platform.testing.GrantedAccess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(BillingServiceStack.class)
class AlertsAndSettingsTest {

    @Test
    void eachThresholdCrossingIsPublishedAndEmailedOnceAndReArmsBelowIt() {
        String billingEmail = "billing-" + UUID.randomUUID() + "@example.com";
        UUID org = openedOrganization(UUID.randomUUID(), billingEmail);
        KafkaEvents kafka = BillingFixture.kafka();
        Predicate<ConsumerRecord<String, String>> crossed80 = r -> org.toString().equals(r.key())
                && "UsageThresholdCrossed".equals(KafkaEvents.header(r, "ce_type")) && r.value().contains("\"thresholdPercent\":80");

        // webhooks: 25 on Free; 80% = 20
        reserve(org, "webhooks", 19, "nineteen").then().statusCode(201);
        reserve(org, "webhooks", 1, "twentieth").then().statusCode(201);
        reserve(org, "webhooks", 1, "twenty-first").then().statusCode(201);
        String second = reserve(org, "webhooks", 1, "twenty-second").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> event = kafka.await("billing", crossed80, Duration.ofSeconds(20));
        assertEquals("{\"organizationId\":\"" + org + "\",\"resource\":\"webhooks\",\"thresholdPercent\":80,\"used\":20,\"limit\":25}",
                event.value());
        Mailbox mailbox = Mailbox.of(StackProfile.TEST);
        Mailbox.Mail mail = mailbox.await(billingEmail, Duration.ofSeconds(30));
        assertTrue(mail.subject().contains("webhooks at 80%"), mail.subject());
        assertTrue(mail.body().contains("uses 20 of its 25 webhooks"), mail.body());
        assertEquals(1, kafka.countWithin("billing", crossed80, Duration.ofSeconds(3)), "crossed once, however many reserves followed");
        assertEquals(1, mailbox.messages(billingEmail).size(), "emailed once");

        // below 80% it re-arms: crossing again alerts again
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + second + "/release").then().statusCode(200);
        for (String key : List.of("twenty-first", "twentieth")) { // the same key answers the same reservation
            given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/"
                    + reserve(org, "webhooks", 1, key).then().extract().path("id") + "/release").then().statusCode(200);
        }
        assertEquals(19, BillingFixture.used(org, "webhooks"));
        assertEquals(1, mailbox.messages(billingEmail).size(), "falling below alerts nobody");
        reserve(org, "webhooks", 2, "again").then().statusCode(201);
        kafka.awaitAll("billing", crossed80, 2, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.messages(billingEmail).size() == 2);
    }

    @Test
    void thresholdsAreValidatedAndNewOnesApplyAtOnce() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(owner.id(), org, Role.OWNER, "billing:read", "billing:manage"),
                AccessPolicy.class);
        given().auth().oauth2(owner.token()).when().get(path(org, "/alerts")).then().statusCode(200).body("thresholds", contains(80, 100));

        putThresholds(owner, org, List.of(0)).then().statusCode(400).body("errors.field", hasItem(containsString("thresholds")));
        putThresholds(owner, org, List.of(101)).then().statusCode(400);
        reserve(org, "apiKeys", 10, "ten").then().statusCode(201);
        putThresholds(owner, org, List.of(50, 10, 10)).then().statusCode(200).body("thresholds", contains(10, 50));
        BillingFixture.kafka().await("billing", r -> org.toString().equals(r.key())
                && "UsageThresholdCrossed".equals(KafkaEvents.header(r, "ce_type")) && r.value().contains("\"resource\":\"apiKeys\""),
                Duration.ofSeconds(20));
        putThresholds(owner, org, List.of()).then().statusCode(200).body("thresholds", empty());
    }

    @Test
    void billingSettingsKeepAReferenceOnlyAndTheBalanceIsSetByServices() {
        TestUsers.User owner = TestUsers.create("owner");
        UUID org = openedOrganization(UUID.fromString(owner.id()), owner.email());
        QuarkusMock.installMockForType(new GrantedAccess().grant(owner.id(), org, Role.OWNER, "billing:read", "billing:manage"),
                AccessPolicy.class);
        String etag = given().auth().oauth2(owner.token()).when().get(path(org, "/billing-settings")).then().statusCode(200)
                .body("billingEmail", equalTo(owner.email())).body("paymentMethod", nullValue()).body("outstandingCents", equalTo(0))
                .extract().header("ETag");

        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("billingEmail", "not-an-email", "paymentMethod", Map.of("type", "CHEQUE", "reference", "x")))
                .when().put(path(org, "/billing-settings")).then().statusCode(400);
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("billingEmail", "not-an-email")).when().put(path(org, "/billing-settings"))
                .then().statusCode(400).body("errors.field", hasItem("billingEmail"));
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("billingEmail", "Accounts@Example.com", "paymentMethod", Map.of("type", "INVOICE", "reference", "PO-4711"),
                        "outstandingCents", 999))
                .when().put(path(org, "/billing-settings")).then().statusCode(200)
                .body("billingEmail", equalTo("accounts@example.com")).body("paymentMethod.type", equalTo("INVOICE"))
                .body("paymentMethod.reference", equalTo("PO-4711")).body("outstandingCents", equalTo(0));
        given().auth().oauth2(owner.token()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("billingEmail", "late@example.com")).when().put(path(org, "/billing-settings")).then().statusCode(412);

        given().auth().oauth2(paymentSystemToken()).contentType(ContentType.JSON).body(Map.of("outstandingCents", -1))
                .when().put(path(org, "/balance")).then().statusCode(400).body("errors.field", hasItem("outstandingCents"));
        given().auth().oauth2(paymentSystemToken()).contentType(ContentType.JSON).body(Map.of("outstandingCents", 1250))
                .when().put(path(org, "/balance")).then().statusCode(200).body("outstandingCents", equalTo(1250));
        given().auth().oauth2(owner.token()).when().get(path(org, "/billing-settings")).then().body("outstandingCents", equalTo(1250));
    }

    @Test
    void deletionIsBlockedByDevicesActiveDeploymentsAndAnOutstandingBalance() {
        UUID org = openedOrganization();
        preconditions(org).then().statusCode(200).body("satisfied", equalTo(true)).body("blockers", empty())
                .body("devices", equalTo(0)).body("activeDeployments", equalTo(0)).body("outstandingCents", equalTo(0));

        String device = reserve(org, "devices", 3, "devices").then().statusCode(201).extract().path("id");
        String deployment = reserve(org, "activeDeployments", 1, "deployment").then().statusCode(201).extract().path("id");
        given().auth().oauth2(paymentSystemToken()).contentType(ContentType.JSON).body(Map.of("outstandingCents", 500))
                .when().put(path(org, "/balance")).then().statusCode(200);
        preconditions(org).then().statusCode(200).body("satisfied", equalTo(false)).body("blockers", hasSize(3))
                .body("devices", equalTo(3)).body("activeDeployments", equalTo(1)).body("outstandingCents", equalTo(500));

        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + device + "/release").then().statusCode(200);
        given().auth().oauth2(serviceToken()).when().post(reservations(org) + "/" + deployment + "/release").then().statusCode(200);
        given().auth().oauth2(paymentSystemToken()).contentType(ContentType.JSON).body(Map.of("outstandingCents", 0))
                .when().put(path(org, "/balance")).then().statusCode(200);
        preconditions(org).then().statusCode(200).body("satisfied", equalTo(true));
        preconditions(UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPurgedOrganizationLeavesNothingInBilling() {
        UUID org = openedOrganization();
        reserve(org, "users", 1, "seat").then().statusCode(201);
        organizationEvent(org, "OrganizationDeletionScheduled", "{\"organizationId\":\"" + org + "\",\"purgeAfter\":\"2099-01-01T00:00:00Z\"}");
        organizationEvent(org, "OrganizationPurged", "{\"organizationId\":\"" + org + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> preconditions(org).statusCode() == 404);
        // restoring a purged organization brings nothing back: its data is gone
        organizationEvent(org, "OrganizationRestored", "{\"organizationId\":\"" + org + "\"}");
        KafkaEvents kafka = BillingFixture.kafka();
        long end = kafka.endOffset("organizations");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committedOffset("billing-service", "organizations") >= end);
        BillingFixture.limits(org).then().statusCode(404);
        reserve(org, "users", 1, "seat").then().statusCode(404);
    }

    private static io.restassured.response.Response putThresholds(TestUsers.User owner, UUID org, List<Integer> thresholds) {
        return given().auth().oauth2(owner.token()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("thresholds", thresholds)).when().put(path(org, "/alerts"));
    }
}
