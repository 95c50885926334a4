package dev.orgplatform.invitation.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.invitation.ClosedOrganization;
import dev.orgplatform.invitation.repository.ClosedOrganizationRepository;
import dev.orgplatform.invitation.repository.InvitationRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Follows org-service's lifecycle: invitations of an organization pending deletion stop working (they keep
 * their expiry, so a restored organization's invitations work again unless they expired meanwhile), a purged
 * organization's invitations are deleted. Each event takes effect once.
 */
@ApplicationScoped
public class OrganizationLifecycleService {

    static final String CONSUMER = "invitation-service/organizations";

    private final ClosedOrganizationRepository closed;
    private final InvitationRepository invitations;
    private final ProcessedEvents processed;
    private final PlatformClock clock;

    public OrganizationLifecycleService(ClosedOrganizationRepository closed, InvitationRepository invitations,
            ProcessedEvents processed, PlatformClock clock) {
        this.closed = closed;
        this.invitations = invitations;
        this.processed = processed;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Boolean> deletionScheduled(InboundEvent event, UUID organizationId) {
        return processed.once(CONSUMER, event, () -> mark(organizationId, ClosedOrganization.State.DELETION_SCHEDULED));
    }

    @WithTransaction
    public Uni<Boolean> restored(InboundEvent event, UUID organizationId) {
        return processed.once(CONSUMER, event, () -> closed.findById(organizationId)
                .chain(c -> c != null && c.state == ClosedOrganization.State.DELETION_SCHEDULED ? closed.delete(c)
                        : Uni.createFrom().voidItem()));
    }

    @WithTransaction
    public Uni<Boolean> purged(InboundEvent event, UUID organizationId) {
        return processed.once(CONSUMER, event, () -> invitations.deleteOfOrganization(organizationId)
                .chain(() -> mark(organizationId, ClosedOrganization.State.PURGED)));
    }

    private Uni<ClosedOrganization> mark(UUID organizationId, ClosedOrganization.State state) {
        return closed.findById(organizationId).chain(c -> {
            if (c == null) {
                c = new ClosedOrganization();
                c.organizationId = organizationId;
                c.state = state;
                c.since = clock.now();
                return closed.persist(c);
            }
            c.state = state;
            return Uni.createFrom().item(c);
        });
    }
}
