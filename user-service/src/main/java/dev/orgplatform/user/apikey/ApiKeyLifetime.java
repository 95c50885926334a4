package dev.orgplatform.user.apikey;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * How many days a new API key lives: what its maker asked for, never beyond the cap that holds in its
 * organization (the strictest along the tree), or {@value #DEFAULT_MAX_DAYS} days where no policy caps it; asked
 * for nothing, {@value #DEFAULT_DAYS} days or the cap if lower.
 */
public final class ApiKeyLifetime {

    public static final int DEFAULT_DAYS = 90;
    /** No key lives for ever, whatever the organization's policy leaves open. */
    public static final int DEFAULT_MAX_DAYS = 365;

    private ApiKeyLifetime() {
    }

    public static int days(Integer requested, Integer cap) {
        if (requested == null) {
            return cap == null ? DEFAULT_DAYS : Math.min(cap, DEFAULT_DAYS);
        }
        if (cap != null && requested > cap) {
            throw ProblemException.badField("expiresIn", "exceeds the organization's maximum API key lifetime of " + cap + "d");
        }
        if (cap == null && requested > DEFAULT_MAX_DAYS) {
            throw ProblemException.badField("expiresIn", "exceeds the maximum API key lifetime of " + DEFAULT_MAX_DAYS
                    + "d that holds where no policy sets one");
        }
        return requested;
    }
}
