package dev.orgplatform.org.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.orgplatform.platform.net.Cidr;
import dev.orgplatform.org.OrganizationSettings;

/**
 * What holds for an organization: the strictest of its own security settings and its ancestors'. A
 * sub-organization can only tighten what it inherits:
 * <ul>
 * <li>2FA is enforced if any organization on the path enforces it;</li>
 * <li>the IP allowlist is the intersection of every non-empty list on the path (an address must be allowed
 * by each of them), so a child's list can only narrow; an empty list adds no restriction;</li>
 * <li>session duration and API key lifetime are the smallest limit set on the path;</li>
 * <li>the billing contact is the nearest one set (not a security setting: nothing to tighten).</li>
 * </ul>
 */
public final class EffectiveSettingsRule {

    private EffectiveSettingsRule() {
    }

    /** {@code path}: the settings from the root down to the organization itself (last). */
    public static EffectiveSettings combine(UUID organizationId, List<OrganizationSettings> path) {
        boolean enforce2fa = false;
        boolean restricted = false;
        Set<Cidr> allowed = null;
        Integer maxSession = null;
        Integer maxKeyLifetime = null;
        String billingContact = null;
        List<UUID> from = new ArrayList<>();
        Map<String, List<UUID>> setBy = new LinkedHashMap<>();
        for (OrganizationSettings s : path) {
            from.add(s.organizationId);
            if (s.enforce2fa) {
                enforce2fa = true;
                setBy.computeIfAbsent("enforce2fa", k -> new ArrayList<>()).add(s.organizationId);
            }
            List<Cidr> own = s.ipAllowlist().stream().map(c -> Cidr.parse(c).orElseThrow()).toList();
            if (!own.isEmpty()) {
                restricted = true;
                allowed = allowed == null ? new LinkedHashSet<>(own) : intersect(allowed, own);
                setBy.computeIfAbsent("ipAllowlist", k -> new ArrayList<>()).add(s.organizationId);
            }
            if (s.maxSessionMinutes != null && (maxSession == null || s.maxSessionMinutes < maxSession)) {
                setBy.put("maxSessionMinutes", List.of(s.organizationId));
            }
            maxSession = min(maxSession, s.maxSessionMinutes);
            if (s.apiKeyMaxLifetimeDays != null && (maxKeyLifetime == null || s.apiKeyMaxLifetimeDays < maxKeyLifetime)) {
                setBy.put("apiKeyMaxLifetimeDays", List.of(s.organizationId));
            }
            maxKeyLifetime = min(maxKeyLifetime, s.apiKeyMaxLifetimeDays);
            if (s.billingContactEmail != null) {
                billingContact = s.billingContactEmail;
                setBy.put("billingContactEmail", List.of(s.organizationId));
            }
        }
        List<String> allowlist = allowed == null ? List.of() : allowed.stream().map(Cidr::toString).toList();
        return new EffectiveSettings(organizationId, enforce2fa, restricted, allowlist, maxSession, maxKeyLifetime,
                billingContact, from, setBy);
    }

    /** The addresses in both sets: CIDR blocks either nest or are disjoint, so each overlap is the smaller block. */
    static Set<Cidr> intersect(Set<Cidr> a, List<Cidr> b) {
        Set<Cidr> both = new LinkedHashSet<>();
        for (Cidr x : a) {
            for (Cidr y : b) {
                if (x.contains(y)) {
                    both.add(y);
                } else if (y.contains(x)) {
                    both.add(x);
                }
            }
        }
        // drop blocks inside another kept block
        both.removeIf(c -> both.stream().anyMatch(o -> !o.equals(c) && o.contains(c)));
        return both;
    }

    private static Integer min(Integer a, Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Integer.valueOf(Math.min(a, b));
    }
}
