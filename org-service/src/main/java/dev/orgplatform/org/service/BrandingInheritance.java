package dev.orgplatform.org.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.orgplatform.org.repository.BrandingRepository.Facts;

/**
 * What branding holds for an organization: each part (primary colour, mail display name, logo) is the nearest one
 * set, the organization's own first, then its parent's, up to the root. A part set nowhere is null.
 */
public final class BrandingInheritance {

    /** The logo that holds, without its bytes. */
    public record LogoFacts(String mediaType, Integer width, Integer height, String sha256) {
    }

    /** Each part that holds and the organization it comes from ({@code ...From}; null when set nowhere). */
    public record EffectiveBranding(UUID organizationId, String primaryColor, UUID primaryColorFrom, String mailDisplayName,
            UUID mailDisplayNameFrom, LogoFacts logo, UUID logoFrom) {
    }

    private BrandingInheritance() {
    }

    /** {@code path}: the organization's ids from the root down to itself; {@code own}: the branding rows among them. */
    public static EffectiveBranding effective(List<UUID> path, Map<UUID, Facts> own) {
        UUID self = path.get(path.size() - 1);
        UUID colourFrom = nearest(path, own, Facts::primaryColor);
        UUID nameFrom = nearest(path, own, Facts::mailDisplayName);
        UUID logoFrom = nearest(path, own, Facts::logoSha256);
        Facts logo = logoFrom == null ? null : own.get(logoFrom);
        return new EffectiveBranding(self, colourFrom == null ? null : own.get(colourFrom).primaryColor(), colourFrom,
                nameFrom == null ? null : own.get(nameFrom).mailDisplayName(), nameFrom,
                logo == null ? null : new LogoFacts(logo.logoMediaType(), logo.logoWidth(), logo.logoHeight(), logo.logoSha256()), logoFrom);
    }

    private static UUID nearest(List<UUID> path, Map<UUID, Facts> own, Function<Facts, Object> part) {
        for (int i = path.size() - 1; i >= 0; i--) {
            Facts facts = own.get(path.get(i));
            if (facts != null && part.apply(facts) != null) {
                return path.get(i);
            }
        }
        return null;
    }
}
