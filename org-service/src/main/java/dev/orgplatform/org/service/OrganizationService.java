package dev.orgplatform.org.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationSettings;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.client.AuthorConvergence;
import dev.orgplatform.org.client.BillingAccounts;
import dev.orgplatform.org.config.SubOrganizationConfig;
import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.messaging.OrganizationEvents.Change;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.org.repository.OrganizationSettingsRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Creating top-level organizations, reading them, and changing their general fields. */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final OrganizationSettingsRepository settings;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final AuthorConvergence convergence;

    private final BillingAccounts billing;
    private final SubOrganizationConfig subOrganizations;

    public OrganizationService(OrganizationRepository organizations, OrganizationSettingsRepository settings, Outbox outbox,
            PlatformClock clock, AuthorConvergence convergence, BillingAccounts billing, SubOrganizationConfig subOrganizations) {
        this.convergence = convergence;
        this.billing = billing;
        this.subOrganizations = subOrganizations;
        this.organizations = organizations;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Any signed-in user may create a top-level organization and becomes its Owner, able to use it once this answers. */
    public Uni<Organization> createRoot(NewOrganization request, UUID creator, String creatorEmail) {
        return recordRoot(request, creator, creatorEmail).call(o -> convergence.usableBy(o, creator));
    }

    @WithTransaction
    Uni<Organization> recordRoot(NewOrganization request, UUID creator, String creatorEmail) {
        return create(UUID.randomUUID(), request, null, null, creator, creatorEmail);
    }

    /**
     * Creates {@code request} as organization {@code id} under {@code parent} (null: a root; a sub-organization holds
     * {@code reservationId}, its unit of the tree's subOrganizations) with its default settings, and publishes
     * OrganizationCreated. Call inside a transaction.
     */
    Uni<Organization> create(UUID id, NewOrganization request, Organization parent, UUID reservationId, UUID creator,
            String creatorEmail) {
        return organizations.nameTaken(request.name()).chain(taken -> {
            if (taken) {
                throw new ProblemException(409, "Name taken", "an organization named '" + request.name() + "' already exists",
                        List.of(new FieldError("name", "is already taken")), null);
            }
            Organization o = new Organization();
            o.id = id;
            o.name = request.name();
            o.displayName = request.displayName();
            o.description = request.description();
            o.contactEmail = request.contactEmail();
            o.region = request.region();
            o.country = Country.canonical(request.country());
            o.type = request.type(); // resolved by the caller: a root has none, a sub-organization one on offer
            o.state = OrganizationState.ACTIVE;
            o.parentId = parent == null ? null : parent.id;
            o.rootId = parent == null ? o.id : parent.rootId;
            o.depth = parent == null ? TreeDepth.ROOT_LEVEL : TreeDepth.below(parent.depth);
            o.ownerId = ManagedFromAbove.ownerOfNew(o.parentId, creator);
            o.createdBy = creator;
            o.createdAt = clock.now();
            o.updatedAt = o.createdAt;
            return organizations.persist(o)
                    .call(saved -> settings.persist(OrganizationSettings.defaultsFor(saved.id, saved.createdAt)))
                    .call(saved -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_CREATED, saved.id, subject(saved.id),
                            OrganizationMapper.toCreated(saved, creatorEmail, reservationId)));
        });
    }

    /** An organization pending deletion answers as if absent (404). */
    @WithSession
    public Uni<Organization> findAvailable(UUID id) {
        return organizations.findById(id).map(o -> {
            if (o == null || !o.isAvailable()) {
                throw ProblemException.notFound("organization " + id);
            }
            return o;
        });
    }

    /** The organizations from the root down to this one (available), itself last: what inherits along the tree reads them. */
    @WithSession
    public Uni<List<Organization>> pathFromRoot(UUID id) {
        return findAvailable(id).chain(o -> organizations.ancestors(id).map(ancestors -> {
            List<Organization> path = new ArrayList<>(ancestors);
            path.sort((a, b) -> Integer.compare(a.depth, b.depth));
            path.add(o);
            return path;
        }));
    }

    /** The ids of {@link #pathFromRoot}'s organizations, in its order. */
    public static List<UUID> ids(List<Organization> path) {
        return path.stream().map(p -> p.id).toList();
    }

    /**
     * Changes the general fields. {@code replace}: PUT (absent optional fields are cleared), else PATCH
     * (absent fields stay). {@code name} and {@code region} never change. Publishes OrganizationUpdated
     * with each changed field's before and after; a change of nothing changes nothing.
     */
    public Uni<Organization> update(UUID id, OrganizationChange change, String ifMatch, boolean replace) {
        if (change.type() == null || change.type().isBlank()) {
            return applyChange(id, change, ifMatch, replace);
        }
        // a type other than the default needs the plan's feature: asked of billing-service before the transaction
        return findAvailable(id).chain(o -> {
            if (o.parentId == null) {
                SubOrganizationType.refuseForRoot(change.type());
            }
            String type = SubOrganizationType.of(change.type(), subOrganizations.types());
            return SubOrganizationType.needsPlanFeature(type, subOrganizations.types())
                    ? billing.requireFeature(o.rootId, SubOrganizationType.FEATURE, "a sub-organization of type " + type)
                    : Uni.createFrom().voidItem();
        }).chain(() -> applyChange(id, change, ifMatch, replace));
    }

    @WithTransaction
    Uni<Organization> applyChange(UUID id, OrganizationChange change, String ifMatch, boolean replace) {
        return findAvailable(id).chain(o -> {
            Versions.requireMatch(ifMatch, o.version);
            refuseImmutableChanges(o, change, replace);
            Map<String, Change> changes = new LinkedHashMap<>();
            o.displayName = apply(changes, "displayName", o.displayName, change.displayName(), replace);
            o.description = apply(changes, "description", o.description, change.description(), replace);
            o.contactEmail = apply(changes, "contactEmail", o.contactEmail, change.contactEmail(), replace);
            o.country = apply(changes, "country", o.country, Country.canonical(change.country()), replace);
            if (o.parentId != null) { // absent from a PUT: back to the default type
                String type = change.type() == null && !replace ? o.type : SubOrganizationType.of(change.type(), subOrganizations.types());
                o.type = apply(changes, "type", o.type, type, true);
            }
            if (changes.isEmpty()) {
                return Uni.createFrom().item(o);
            }
            o.updatedAt = clock.now();
            return organizations.flush()
                    .call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_UPDATED, o.id, subject(o.id),
                            new OrganizationEvents.OrganizationUpdated(o.id, changes)))
                    .replaceWith(o);
        });
    }

    private static void refuseImmutableChanges(Organization o, OrganizationChange change, boolean replace) {
        List<FieldError> errors = new ArrayList<>();
        if (change.name() != null && !change.name().equals(o.name)) {
            errors.add(new FieldError("name", "is immutable: an organization keeps the name it was created with"));
        }
        if (change.region() != null && change.region() != o.region) {
            errors.add(new FieldError("region", "is fixed at creation: the data stays in " + o.region));
        }
        if (replace && (change.displayName() == null || change.displayName().isBlank())) {
            errors.add(new FieldError("displayName", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", String.join("; ", errors.stream().map(e -> e.field() + " " + e.message())
                    .toList()), errors, null);
        }
    }

    private static String apply(Map<String, Change> changes, String field, String before, String requested, boolean replace) {
        String after = requested == null && !replace ? before : requested;
        if (!Objects.equals(before, after)) {
            changes.put(field, new Change(before, after));
        }
        return after;
    }

    static String subject(UUID id) {
        return "organizations/" + id;
    }
}
