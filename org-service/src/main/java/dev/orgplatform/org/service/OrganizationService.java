package dev.orgplatform.org.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.org.rest.CreateOrganizationRequest;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final Outbox outbox;
    private final PlatformClock clock;

    public OrganizationService(OrganizationRepository organizations, Outbox outbox, PlatformClock clock) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Any signed-in user may create a top-level organization and becomes its Owner. */
    @WithTransaction
    public Uni<Organization> createRoot(CreateOrganizationRequest request, UUID creator, String creatorEmail) {
        return organizations.nameTaken(request.name()).chain(taken -> {
            if (taken) {
                throw new ProblemException(409, "Name taken", "an organization named '" + request.name() + "' already exists",
                        java.util.List.of(new dev.orgplatform.platform.problem.FieldError("name", "is already taken")), null);
            }
            Organization o = new Organization();
            o.id = UUID.randomUUID();
            o.name = request.name();
            o.displayName = request.displayName();
            o.description = request.description();
            o.contactEmail = request.contactEmail();
            o.region = request.region();
            o.state = OrganizationState.ACTIVE;
            o.rootId = o.id;
            o.depth = 1;
            o.createdBy = creator;
            o.createdAt = clock.now();
            o.updatedAt = o.createdAt;
            return organizations.persist(o)
                    .call(saved -> outbox.publish(OrganizationEvents.TOPIC, "OrganizationCreated", saved.id, "organizations/" + saved.id,
                            OrganizationMapper.toCreated(saved, creatorEmail)));
        });
    }

    /** An organization pending deletion answers as if absent. */
    @WithSession
    public Uni<Organization> findAvailable(UUID id) {
        return organizations.findById(id).map(o -> {
            if (o == null || o.state != OrganizationState.ACTIVE) {
                throw ProblemException.notFound("organization " + id);
            }
            return o;
        });
    }
}
