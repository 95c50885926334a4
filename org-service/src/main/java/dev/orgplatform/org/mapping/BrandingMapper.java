package dev.orgplatform.org.mapping;

import dev.orgplatform.org.repository.BrandingRepository;
import dev.orgplatform.org.rest.BrandingRequest;
import dev.orgplatform.org.rest.BrandingResponse;
import dev.orgplatform.org.service.BrandingChange;
import dev.orgplatform.org.service.BrandingInheritance;
import dev.orgplatform.org.service.BrandingService;

/** Branding between its REST shapes and the service's. */
public final class BrandingMapper {

    private BrandingMapper() {
    }

    public static BrandingChange toChange(BrandingRequest r) {
        return new BrandingChange(r.primaryColor(), r.mailDisplayName());
    }

    public static BrandingResponse toResponse(BrandingService.Branding b) {
        BrandingRepository.Facts own = b.own();
        BrandingInheritance.EffectiveBranding e = b.effective();
        BrandingResponse.Parts parts = own == null ? new BrandingResponse.Parts(null, null, null)
                : new BrandingResponse.Parts(own.primaryColor(), own.mailDisplayName(), own.logoSha256() == null ? null
                        : new BrandingResponse.Logo(own.logoMediaType(), own.logoWidth(), own.logoHeight(), own.logoSha256()));
        BrandingResponse.Logo logo = e.logo() == null ? null
                : new BrandingResponse.Logo(e.logo().mediaType(), e.logo().width(), e.logo().height(), e.logo().sha256());
        return new BrandingResponse(e.organizationId(), b.displayName(), parts, new BrandingResponse.Effective(e.primaryColor(), e.primaryColorFrom(),
                e.mailDisplayName(), e.mailDisplayNameFrom(), logo, e.logoFrom()),
                logo == null ? null : "/api/v1/organizations/" + e.organizationId() + "/branding/logo", version(b));
    }

    /** The branding's ETag: {@link BrandingService#tag}. */
    public static long version(BrandingService.Branding b) {
        return BrandingService.tag(b.own() == null ? null : b.own().version());
    }
}
