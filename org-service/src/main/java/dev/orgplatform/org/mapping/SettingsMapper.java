package dev.orgplatform.org.mapping;

import dev.orgplatform.org.OrganizationSettings;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.rest.EffectiveSettingsResponse;
import dev.orgplatform.org.rest.SettingsRequest;
import dev.orgplatform.org.rest.SettingsResponse;
import dev.orgplatform.org.service.EffectiveSettings;
import dev.orgplatform.org.service.SettingsChange;

/** An organization's settings between their REST shapes, the service's command and the event. */
public final class SettingsMapper {

    private SettingsMapper() {
    }

    public static SettingsResponse toResponse(OrganizationSettings s) {
        return new SettingsResponse(s.organizationId, new SettingsResponse.Security(s.enforce2fa, s.ipAllowlist(), s.maxSessionMinutes,
                s.apiKeyMaxLifetimeDays), s.billingContactEmail, s.updatedAt, s.version);
    }

    public static SettingsChange toChange(SettingsRequest r) {
        SettingsRequest.Security s = r.security();
        return new SettingsChange(s.enforce2fa(), s.ipAllowlist(), s.maxSessionMinutes(), s.apiKeyMaxLifetimeDays(),
                r.billingContactEmail());
    }

    public static EffectiveSettingsResponse toResponse(EffectiveSettings e) {
        return new EffectiveSettingsResponse(e.organizationId(), e.enforce2fa(), e.ipAllowlistEnforced(), e.ipAllowlist(),
                e.maxSessionMinutes(), e.apiKeyMaxLifetimeDays(), e.billingContactEmail(), e.from(), e.setBy());
    }

    public static OrganizationEvents.OrganizationSettingsChanged toSettingsChanged(OrganizationSettings s) {
        return new OrganizationEvents.OrganizationSettingsChanged(s.organizationId, new OrganizationEvents.Security(s.enforce2fa,
                s.ipAllowlist(), s.maxSessionMinutes, s.apiKeyMaxLifetimeDays), s.billingContactEmail);
    }
}
