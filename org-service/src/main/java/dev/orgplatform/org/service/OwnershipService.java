package dev.orgplatform.org.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.client.UserDirectory;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Exactly one Owner: ownership passes to an existing member (user-service says who is one). user-service
 * follows OwnershipTransferred: the new Owner becomes OWNER, the old one ADMIN.
 */
@ApplicationScoped
public class OwnershipService {

    private final OrganizationService organizationService;
    private final OrganizationRepository organizations;
    private final UserDirectory users;
    private final Outbox outbox;

    public OwnershipService(OrganizationService organizationService, OrganizationRepository organizations, UserDirectory users,
            Outbox outbox) {
        this.organizationService = organizationService;
        this.organizations = organizations;
        this.users = users;
        this.outbox = outbox;
    }

    public Uni<Organization> transfer(UUID id, UUID newOwnerId) {
        return organizationService.findAvailable(id).chain(o -> {
            ManagedFromAbove.mayTransfer(o);
            if (newOwnerId.equals(o.ownerId)) {
                throw refused("is already the Owner");
            }
            return users.isMember(id, newOwnerId);
        }).chain(member -> {
            if (!member) {
                throw refused("is not a member of this organization: invite them first");
            }
            return Panache.withTransaction(() -> organizationService.findAvailable(id).chain(o -> {
                UUID previous = o.ownerId;
                o.ownerId = newOwnerId;
                return organizations.flush()
                        .call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.OWNERSHIP_TRANSFERRED, id, OrganizationService.subject(id),
                                new OrganizationEvents.OwnershipTransferred(id, previous, newOwnerId)))
                        .replaceWith(o);
            }));
        });
    }

    private static ProblemException refused(String why) {
        return new ProblemException(409, "Transfer refused", "newOwnerId " + why, List.of(new FieldError("newOwnerId", why)), null);
    }
}
