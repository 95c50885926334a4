package dev.orgplatform.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.billing.Plan;
import dev.orgplatform.billing.PlanFeature;
import dev.orgplatform.platform.problem.ProblemException;

/** What a plan not including a feature answers: which plan, which feature, from which plan on it is included. */
final class PlanFeatures {

    private PlanFeatures() {
    }

    /** Something of {@code feature} was asked for in the tree of {@code root}, whose plan lacks it. */
    static ProblemException notIncluded(Plan plan, PlanFeature feature, UUID root) {
        Plan from = Plan.lowestWith(feature);
        return new ProblemException(409, "Not in plan", "the " + plan + " plan of root organization " + root + " does not include "
                + feature.key() + "; " + from + " and higher do: change the plan first", null,
                Map.of("plan", plan.name(), "feature", feature.key(), "includedFrom", from.name(), "billingOrganizationId", root));
    }

    /** A plan change to {@code plan} would leave the tree with {@code existing} sub-organizations it does not include. */
    static ProblemException stillUsed(Plan plan, PlanFeature feature, List<UUID> existing) {
        return new ProblemException(409, "Feature in use", "the " + plan + " plan does not include " + feature.key() + ", and the tree has "
                + existing.size() + " (" + existing + "); delete them first (one pending deletion counts until it is purged)", null,
                Map.of("plan", plan.name(), "feature", feature.key(), "subOrganizations", existing));
    }
}
