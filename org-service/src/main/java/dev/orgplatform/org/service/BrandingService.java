package dev.orgplatform.org.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.OrganizationBranding;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.BrandingRepository;
import dev.orgplatform.org.service.BrandingInheritance.EffectiveBranding;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An organization's own branding and the branding that holds for it ({@link BrandingInheritance}). Every change
 * publishes OrganizationBrandingChanged with the own branding as it now is.
 */
@ApplicationScoped
public class BrandingService {

    /** The own branding (null: nothing set) beside what holds, and the organization's display name. */
    public record Branding(String displayName, BrandingRepository.Facts own, EffectiveBranding effective) {
    }

    private final OrganizationService organizationService;
    private final BrandingRepository brandings;
    private final Outbox outbox;
    private final PlatformClock clock;

    public BrandingService(OrganizationService organizationService, BrandingRepository brandings, Outbox outbox, PlatformClock clock) {
        this.organizationService = organizationService;
        this.brandings = brandings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<Branding> branding(UUID id) {
        return read(id);
    }

    /** The logo that holds for the organization (its own or the nearest above), with its bytes; 404 when none. */
    @WithSession
    public Uni<BrandingRepository.Logo> logo(UUID id) {
        return read(id).chain(b -> {
            if (b.effective().logoFrom() == null) {
                throw ProblemException.notFound("logo of organization " + id + " (none is set on it or above it)");
            }
            return brandings.logoOf(b.effective().logoFrom());
        }).onItem().ifNull().failWith(() -> ProblemException.notFound("logo of organization " + id));
    }

    @WithTransaction
    public Uni<Branding> replace(UUID id, BrandingChange change, String ifMatch) {
        return ownRow(id, ifMatch).chain(b -> {
            b.primaryColor = BrandColour.canonical(change.primaryColor());
            b.mailDisplayName = change.mailDisplayName() == null || change.mailDisplayName().isBlank() ? null
                    : change.mailDisplayName().trim();
            return changed(b);
        }).chain(() -> read(id));
    }

    @WithTransaction
    public Uni<Branding> setLogo(UUID id, LogoImage image, String ifMatch) {
        return ownRow(id, ifMatch).chain(b -> {
            b.logo = image.bytes();
            b.logoMediaType = image.mediaType();
            b.logoWidth = image.width();
            b.logoHeight = image.height();
            b.logoSha256 = image.sha256();
            return changed(b);
        }).chain(() -> read(id));
    }

    @WithTransaction
    public Uni<Branding> removeLogo(UUID id, String ifMatch) {
        return ownRow(id, ifMatch).chain(b -> {
            b.logo = null;
            b.logoMediaType = null;
            b.logoWidth = null;
            b.logoHeight = null;
            b.logoSha256 = null;
            return changed(b);
        }).chain(() -> read(id));
    }

    /**
     * The version a client sees: 0 while the organization has no branding row, the row's version + 1 after (a new
     * row starts at 0 too, so the two must differ).
     */
    public static long tag(Long rowVersion) {
        return rowVersion == null ? 0 : rowVersion + 1;
    }

    /** The organization's row, made if it has none; {@code ifMatch}, when given, must name its version. */
    private Uni<OrganizationBranding> ownRow(UUID id, String ifMatch) {
        return organizationService.findAvailable(id).chain(o -> brandings.findById(id)).map(b -> {
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, tag(b == null ? null : b.version));
            }
            if (b == null) {
                OrganizationBranding fresh = new OrganizationBranding();
                fresh.organizationId = id;
                return fresh;
            }
            return b;
        });
    }

    private Uni<Void> changed(OrganizationBranding b) {
        b.updatedAt = clock.now();
        OrganizationEvents.Logo logo = b.hasLogo() ? new OrganizationEvents.Logo(b.logoMediaType, b.logoWidth, b.logoHeight, b.logoSha256)
                : null;
        return brandings.persist(b).call(brandings::flush)
                .call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_BRANDING_CHANGED, b.organizationId,
                        OrganizationService.subject(b.organizationId),
                        new OrganizationEvents.OrganizationBrandingChanged(b.organizationId, b.primaryColor, b.mailDisplayName, logo)))
                .replaceWithVoid();
    }

    private Uni<Branding> read(UUID id) {
        return organizationService.pathFromRoot(id).chain(path -> {
            List<UUID> ids = OrganizationService.ids(path);
            return brandings.factsOf(ids).map(rows -> {
                Map<UUID, BrandingRepository.Facts> byId = rows.stream()
                        .collect(Collectors.toMap(BrandingRepository.Facts::organizationId, Function.identity()));
                return new Branding(path.get(path.size() - 1).displayName, byId.get(id), BrandingInheritance.effective(ids, byId));
            });
        });
    }
}
