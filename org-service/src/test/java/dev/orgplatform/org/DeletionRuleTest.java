package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgplatform.org.client.BillingServiceApi.DeletionPreconditions;
import dev.orgplatform.org.service.DeletionRule;

/** Which conditions block a deletion: every unmet one is listed, never only the first. */
class DeletionRuleTest {

    private final UUID owner = UUID.randomUUID();

    @Test
    void everyUnmetConditionIsListed() {
        List<DeletionRule.Unmet> unmet = DeletionRule.unmet(2, owner, List.of(owner, UUID.randomUUID()),
                new DeletionPreconditions(3, 1, 500, false, List.of("3 devices", "1 active deployment", "balance")));
        assertEquals(List.of("sub-organizations", "members", "devices", "active-deployments", "outstanding-balance"),
                unmet.stream().map(DeletionRule.Unmet::condition).toList());
    }

    @Test
    void onlyTheOwnerAndNothingCountedMeansDeletable() {
        assertEquals(List.of(), DeletionRule.unmet(0, owner, List.of(owner), new DeletionPreconditions(0, 0, 0, true, List.of())));
        assertEquals(List.of(), DeletionRule.unmet(0, owner, List.of(), new DeletionPreconditions(0, 0, 0, true, List.of())));
    }

    @Test
    void aBillingBlockerWithoutCountsIsStillListed() {
        assertEquals(List.of("billing"), DeletionRule.unmet(0, owner, List.of(owner),
                new DeletionPreconditions(0, 0, 0, false, List.of("open invoice"))).stream().map(DeletionRule.Unmet::condition).toList());
    }
}
