package dev.orgplatform.user.apikey;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * How many days a new API key lives: what its maker asked for, never beyond the cap that holds in its
 * organization (the strictest along the tree; null = none); asked for nothing, {@value #DEFAULT_DAYS} days or the
 * cap if lower.
 */
public final class ApiKeyLifetime {

    public static final int DEFAULT_DAYS = 90;

    private ApiKeyLifetime() {
    }

    public static int days(Integer requested, Integer cap) {
        if (requested == null) {
            return cap == null ? DEFAULT_DAYS : Math.min(cap, DEFAULT_DAYS);
        }
        if (cap != null && requested > cap) {
            throw ProblemException.badField("expiresIn", "exceeds the organization's maximum API key lifetime of " + cap + "d");
        }
        return requested;
    }
}
