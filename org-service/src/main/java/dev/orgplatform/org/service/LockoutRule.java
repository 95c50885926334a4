package dev.orgplatform.org.service;

import java.util.List;

import dev.orgplatform.platform.net.Cidr;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;

/**
 * Nobody shuts themself out by accident: settings whose IP allowlist (with those of the organizations above) would
 * refuse the address the change comes from are refused, unless the request confirms it ({@code ?confirm=lockout}).
 */
public final class LockoutRule {

    private LockoutRule() {
    }

    public static void requireAdmitted(EffectiveSettings after, String callerAddress) {
        if (callerAddress == null || !after.ipAllowlistEnforced()) {
            return;
        }
        boolean admitted = after.ipAllowlist().stream().map(Cidr::parse).flatMap(java.util.Optional::stream)
                .anyMatch(c -> c.containsAddress(callerAddress));
        if (!admitted) {
            throw new ProblemException(409, "Would shut you out", "with this IP allowlist your own address " + callerAddress
                    + " could no longer reach the organization; add it, or send the change again with ?confirm=lockout",
                    List.of(new FieldError("security.ipAllowlist", "does not admit your address " + callerAddress)),
                    java.util.Map.of("clientAddress", callerAddress));
        }
    }
}
