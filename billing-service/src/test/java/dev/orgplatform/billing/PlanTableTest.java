package dev.orgplatform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plan table's features and the limit they set on subOrganizations. */
class PlanTableTest {

    @Test
    void subOrganizationsComeWithProAndHigherAndAreNoneBelow() {
        assertEquals(0L, Plan.FREE.limit(LimitedResource.SUB_ORGANIZATIONS));
        assertEquals(0L, Plan.PLUS.limit(LimitedResource.SUB_ORGANIZATIONS));
        for (Plan p : new Plan[] { Plan.PRO, Plan.BUSINESS, Plan.ENTERPRISE }) {
            assertTrue(p.includes(PlanFeature.SUB_ORGANIZATIONS), p::name);
            assertNull(p.limit(LimitedResource.SUB_ORGANIZATIONS), p::name);
        }
        assertEquals(Plan.PRO, Plan.lowestWith(PlanFeature.SUB_ORGANIZATIONS));
    }

    @Test
    void otherTypesOfSubOrganizationsComeWithBusinessAndHigher() {
        assertEquals(Plan.BUSINESS, Plan.lowestWith(PlanFeature.SUB_ORGANIZATION_TYPES));
        assertTrue(Plan.ENTERPRISE.includes(PlanFeature.SUB_ORGANIZATION_TYPES));
        assertTrue(!Plan.PRO.includes(PlanFeature.SUB_ORGANIZATION_TYPES));
    }

    @Test
    void everyHigherPlanIncludesWhatTheLowerOnesDo() {
        Plan[] plans = Plan.values();
        for (int i = 1; i < plans.length; i++) {
            assertTrue(plans[i].features().containsAll(plans[i - 1].features()), plans[i] + " includes what " + plans[i - 1] + " does");
        }
    }
}
