package dev.orgplatform.org;

import static dev.orgplatform.org.Fixtures.await;
import static dev.orgplatform.org.Fixtures.refusal;
import static dev.orgplatform.org.Fixtures.suffix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.org.service.EffectiveSettings;
import dev.orgplatform.org.service.NewOrganization;
import dev.orgplatform.org.service.OrganizationChange;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.org.service.OrganizationSettingsService;
import dev.orgplatform.org.service.SettingsChange;
import dev.orgplatform.org.service.OrganizationTreeService;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Updates (optimistic concurrency, immutable fields, events) and settings through the service layer. */
@QuarkusTest
@QuarkusTestResource(OrgServiceStack.class)
class OrganizationChangeServiceTest {

    @Inject
    OrganizationService organizations;
    @Inject
    OrganizationTreeService tree;
    @Inject
    OrganizationSettingsService settings;

    private final UUID owner = UUID.randomUUID();

    @BeforeEach
    void subOrganizationsGranted() {
        Fixtures.grantedQuotas(); // no billing-service runs here: system-tests cover the plan's refusal
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndPublishesBeforeAndAfter() {
        Organization o = root("Before", "kept");
        Organization updated = await(() -> organizations.update(o.id, new OrganizationChange(null, "After", null, null, null, null, null),
                Versions.etag(o.version), false));
        assertEquals("After", updated.displayName);
        assertEquals("kept", updated.description);
        assertTrue(updated.version > o.version);
        JsonNode changes = Fixtures.event("OrganizationUpdated", o.id).get("changes");
        assertEquals("Before", changes.get("displayName").get("before").asText());
        assertEquals("After", changes.get("displayName").get("after").asText());
        assertEquals(1, changes.size());

        Organization replaced = await(() -> organizations.update(o.id, new OrganizationChange(o.name, "Put", null, null, Region.EU, null, null),
                Versions.etag(updated.version), true));
        assertNull(replaced.description, "PUT clears what it does not send");
    }

    @Test
    void aStaleOrMissingIfMatchIsRefused() {
        Organization o = root("X", null);
        OrganizationChange change = new OrganizationChange(null, "Y", null, null, null, null, null);
        await(() -> organizations.update(o.id, change, Versions.etag(o.version), false));
        ProblemException stale = refusal(() -> organizations.update(o.id, new OrganizationChange(null, "Z", null, null, null, null, null),
                Versions.etag(o.version), false));
        assertEquals(412, stale.status());
        assertEquals(428, refusal(() -> organizations.update(o.id, change, null, false)).status());
        assertEquals("Y", await(() -> organizations.findAvailable(o.id)).displayName);
    }

    @Test
    void nameAndRegionNeverChange() {
        Organization o = root("N", null);
        ProblemException name = refusal(() -> organizations.update(o.id, new OrganizationChange("other-" + suffix(), null, null,
                null, null, null, null), Versions.etag(o.version), false));
        assertEquals(400, name.status());
        assertEquals(List.of("name"), name.errors().stream().map(e -> e.field()).toList());
        ProblemException region = refusal(() -> organizations.update(o.id, new OrganizationChange(null, null, null, null,
                Region.US, null, null), Versions.etag(o.version), false));
        assertEquals(List.of("region"), region.errors().stream().map(e -> e.field()).toList());
        assertEquals(Region.EU, await(() -> organizations.findAvailable(o.id)).region);
    }

    @Test
    void theCountryIsAskedAtCreationKeptInUpperCaseChangeableAndASubOrganizationsDefaultsToItsParents() {
        Organization o = await(() -> organizations.createRoot(new NewOrganization("k-" + suffix(), "Country", null, null, Region.EU,
                "de", null), owner, "o@example.com"));
        assertEquals("DE", o.country);
        assertEquals("DE", Fixtures.event("OrganizationCreated", o.id).get("country").asText());
        Organization kid = await(() -> tree.createChild(o.id, new NewOrganization("k-" + suffix(), "Kid", null, null, null, null, null),
                owner, null));
        assertEquals("DE", kid.country, "a sub-organization is in its parent's country unless told otherwise");

        Organization moved = await(() -> organizations.update(o.id, new OrganizationChange(null, null, null, null, null, "fr", null),
                Versions.etag(o.version), false));
        assertEquals("FR", moved.country);
        JsonNode changes = Fixtures.event("OrganizationUpdated", o.id).get("changes");
        assertEquals("DE", changes.get("country").get("before").asText());
        assertEquals("FR", changes.get("country").get("after").asText());

        ProblemException unknown = refusal(() -> organizations.update(o.id, new OrganizationChange(null, null, null, null, null, "XX", null),
                Versions.etag(moved.version), false));
        assertEquals(400, unknown.status());
        assertEquals("country", unknown.errors().get(0).field());
    }

    @Test
    void settingsAreReplacedWithIfMatchPublishedAndInheritedStrictly() {
        Organization root = root("S", null);
        Organization child = await(() -> tree.createChild(root.id, new NewOrganization("s-" + suffix(), "Child", null, null, null, null, null),
                owner, null));

        OrganizationSettings rootSettings = await(() -> settings.own(root.id));
        // a list that would refuse the caller's own address is refused unless confirmed, and nothing is changed
        ProblemException lockout = refusal(() -> settings.replace(root.id, new SettingsChange(true, List.of("10.0.0.0/8"), 60, 90,
                "billing@example.com"), Versions.etag(rootSettings.version), "203.0.113.9", false));
        assertEquals(409, lockout.status());
        assertEquals("203.0.113.9", lockout.extensions().get("clientAddress"));
        assertEquals("security.ipAllowlist", lockout.errors().get(0).field());
        assertEquals(List.of(), await(() -> settings.own(root.id)).ipAllowlist());
        OrganizationSettings saved = await(() -> settings.replace(root.id, new SettingsChange(true,
                List.of("10.0.0.0/8"), 60, 90, "billing@example.com"), Versions.etag(rootSettings.version), "10.1.2.3", false));
        assertEquals(List.of("10.0.0.0/8"), saved.ipAllowlist());
        JsonNode event = Fixtures.event("OrganizationSettingsChanged", root.id);
        assertTrue(event.get("security").get("enforce2fa").asBoolean());
        assertEquals("10.0.0.0/8", event.get("security").get("ipAllowlist").get(0).asText());
        assertEquals("billing@example.com", event.get("billingContactEmail").asText());

        assertEquals(412, refusal(() -> settings.replace(root.id, new SettingsChange(false, List.of(),
                null, null, null), Versions.etag(rootSettings.version), null, false)).status());

        OrganizationSettings childSettings = await(() -> settings.own(child.id));
        await(() -> settings.replace(child.id, new SettingsChange(false, List.of("10.9.0.1/16",
                "192.168.0.0/16"), 120, 30, null), Versions.etag(childSettings.version), "198.51.100.7", true));
        EffectiveSettings effective = await(() -> settings.effective(child.id));
        assertTrue(effective.enforce2fa());
        assertEquals(List.of("10.9.0.0/16"), effective.ipAllowlist());
        assertEquals(60, effective.maxSessionMinutes());
        assertEquals(30, effective.apiKeyMaxLifetimeDays());
        assertEquals("billing@example.com", effective.billingContactEmail());
        assertEquals(List.of(root.id, child.id), effective.from());
    }

    private Organization root(String displayName, String description) {
        return await(() -> organizations.createRoot(new NewOrganization("c-" + suffix(), displayName, description, null, Region.EU, null, null),
                owner, "o@example.com"));
    }
}
