package dev.orgplatform.org.service;

import java.util.List;
import java.util.Locale;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * A sub-organization's type: one of a configured list, the first of which is the default. Any other than the default
 * needs a plan with the subOrganizationTypes feature (Business and higher); a root has no type.
 */
public final class SubOrganizationType {

    /** The plan feature a type other than the default needs, as billing-service names it. */
    public static final String FEATURE = "subOrganizationTypes";

    private SubOrganizationType() {
    }

    /** The type asked for in its canonical form; none asked for is the default; one not on offer is refused naming the field. */
    public static String of(String requested, List<String> types) {
        if (requested == null || requested.isBlank()) {
            return types.get(0);
        }
        String type = requested.trim().toLowerCase(Locale.ROOT);
        if (!types.contains(type)) {
            throw ProblemException.badField("type", "must be one of " + types);
        }
        return type;
    }

    /** Whether {@code type} needs the plan's {@link #FEATURE}. */
    public static boolean needsPlanFeature(String type, List<String> types) {
        return type != null && !type.equals(types.get(0));
    }

    /** A root organization is of no type: asking for one is refused naming the field. */
    public static void refuseForRoot(String requested) {
        if (requested != null && !requested.isBlank()) {
            throw ProblemException.badField("type", "only a sub-organization has a type");
        }
    }
}
