package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgplatform.org.service.SubOrganizationType;
import dev.orgplatform.platform.problem.ProblemException;

class SubOrganizationTypeTest {

    private static final List<String> TYPES = List.of("client", "partner", "site");

    @Test
    void noneAskedForIsTheFirstOnOfferAndAnotherIsKeptInLowerCase() {
        assertEquals("client", SubOrganizationType.of(null, TYPES));
        assertEquals("client", SubOrganizationType.of(" ", TYPES));
        assertEquals("partner", SubOrganizationType.of("Partner", TYPES));
    }

    @Test
    void aTypeNotOnOfferIsRefusedListingTheOnesThatAre() {
        ProblemException e = assertThrows(ProblemException.class, () -> SubOrganizationType.of("spaceship", TYPES));
        assertEquals("type", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("[client, partner, site]"), e.errors().get(0).message());
    }

    @Test
    void onlyATypeOtherThanTheDefaultNeedsThePlansFeatureAndARootHasNone() {
        assertFalse(SubOrganizationType.needsPlanFeature("client", TYPES));
        assertTrue(SubOrganizationType.needsPlanFeature("site", TYPES));
        SubOrganizationType.refuseForRoot(null);
        assertEquals("type", assertThrows(ProblemException.class, () -> SubOrganizationType.refuseForRoot("client")).errors().get(0).field());
    }
}
