package dev.orgplatform.org.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.net.Cidr;
import dev.orgplatform.org.OrganizationSettings;
import dev.orgplatform.org.mapping.SettingsMapper;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.OrganizationSettingsRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** An organization's own settings and the effective ones it inherits ({@link EffectiveSettingsRule}). */
@ApplicationScoped
public class OrganizationSettingsService {

    private final OrganizationService organizationService;
    private final OrganizationSettingsRepository settings;
    private final Outbox outbox;
    private final PlatformClock clock;

    public OrganizationSettingsService(OrganizationService organizationService, OrganizationSettingsRepository settings, Outbox outbox,
            PlatformClock clock) {
        this.organizationService = organizationService;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<OrganizationSettings> own(UUID id) {
        return organizationService.findAvailable(id).chain(() -> settings.findById(id));
    }

    /**
     * Replaces the own settings (CIDRs stored in canonical form) and publishes OrganizationSettingsChanged. A change
     * whose IP allowlist (with those above) would refuse {@code callerAddress} is refused unless {@code lockoutConfirmed}.
     */
    @WithTransaction
    public Uni<OrganizationSettings> replace(UUID id, SettingsChange change, String ifMatch, String callerAddress,
            boolean lockoutConfirmed) {
        return own(id).chain(s -> {
            Versions.requireMatch(ifMatch, s.version);
            s.enforce2fa = change.enforce2fa();
            List<String> cidrs = change.ipAllowlist() == null ? List.of()
                    : change.ipAllowlist().stream().map(c -> Cidr.parse(c).orElseThrow().toString()).distinct().toList();
            s.ipAllowlist(cidrs);
            s.maxSessionMinutes = change.maxSessionMinutes();
            s.apiKeyMaxLifetimeDays = change.apiKeyMaxLifetimeDays();
            s.billingContactEmail = change.billingContactEmail();
            s.updatedAt = clock.now();
            return (lockoutConfirmed ? Uni.createFrom().voidItem() : path(id).invoke(rows -> {
                List<OrganizationSettings> withNew = rows.stream().map(r -> r.organizationId.equals(id) ? s : r).toList();
                LockoutRule.requireAdmitted(EffectiveSettingsRule.combine(id, withNew), callerAddress);
            }).replaceWithVoid()).chain(settings::flush)
                    .call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_SETTINGS_CHANGED, id,
                            OrganizationService.subject(id), SettingsMapper.toSettingsChanged(s)))
                    .replaceWith(s);
        });
    }

    /** The strictest settings along the path from the root to the organization. */
    @WithSession
    public Uni<EffectiveSettings> effective(UUID id) {
        return path(id).map(rows -> EffectiveSettingsRule.combine(id, rows));
    }

    /** The own settings of the root, each organization beneath on the way, and the organization itself (last). */
    private Uni<List<OrganizationSettings>> path(UUID id) {
        return organizationService.pathFromRoot(id).map(OrganizationService::ids).chain(ids -> settings.forOrganizations(ids).map(rows -> {
            Map<UUID, OrganizationSettings> byId = rows.stream().collect(Collectors.toMap(r -> r.organizationId, Function.identity()));
            return ids.stream().map(byId::get).toList();
        }));
    }
}
