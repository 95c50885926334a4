package dev.orgplatform.user.membership.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.membership.ProductPermission;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.ProductPermissionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Rights a member holds on one product beyond their role; the check grants them for that product only. */
@ApplicationScoped
public class ProductPermissionService {

    private final ProductPermissionRepository grants;
    private final MembershipRepository memberships;
    private final Outbox outbox;
    private final AccessChangeFeed feed;

    public ProductPermissionService(ProductPermissionRepository grants, MembershipRepository memberships, Outbox outbox,
            AccessChangeFeed feed) {
        this.grants = grants;
        this.memberships = memberships;
        this.outbox = outbox;
        this.feed = feed;
    }

    @WithSession
    public Uni<Set<String>> permissions(UUID organizationId, UUID userId, String productId) {
        return requireMember(organizationId, userId).chain(() -> grants.onProduct(organizationId, userId, productId))
                .map(all -> new TreeSet<>(all.stream().map(g -> g.permission).toList()));
    }

    /** The member's rights on each product they hold any on, by product id. */
    @WithSession
    public Uni<Map<String, Set<String>>> allPermissions(UUID organizationId, UUID userId) {
        return requireMember(organizationId, userId).chain(() -> grants.ofMember(organizationId, userId)).map(all -> {
            Map<String, Set<String>> byProduct = new TreeMap<>();
            all.forEach(g -> byProduct.computeIfAbsent(g.productId, k -> new TreeSet<>()).add(g.permission));
            return byProduct;
        });
    }

    /** Replaces the member's rights on the product with {@code permissions} (empty removes them). */
    public Uni<Set<String>> replace(UUID organizationId, UUID userId, String productId, Set<String> permissions) {
        for (String p : permissions) {
            if (!ProductPermission.GRANTABLE.contains(p)) {
                throw ProblemException.badField("permissions", "\"" + p + "\" is not one of " + new TreeSet<>(ProductPermission.GRANTABLE));
            }
        }
        Set<String> granted = new TreeSet<>(permissions);
        return record(organizationId, userId, productId, granted)
                .call(feed::awaitApplied).replaceWith(granted);
    }

    @WithTransaction
    Uni<Void> record(UUID organizationId, UUID userId, String productId, Set<String> permissions) {
        return requireMember(organizationId, userId)
                .chain(() -> grants.deleteOnProduct(organizationId, userId, productId))
                .chain(() -> Multi.createFrom().iterable(permissions).onItem().transformToUniAndConcatenate(p -> {
                    ProductPermission g = new ProductPermission();
                    g.organizationId = organizationId;
                    g.userId = userId;
                    g.productId = productId;
                    g.permission = p;
                    return grants.persist(g);
                }).collect().asList())
                .chain(() -> outbox.publish(MembershipEvents.TOPIC, EventTypes.PRODUCT_PERMISSIONS_CHANGED, organizationId,
                        "memberships/" + userId + "/products/" + productId,
                        new MembershipEvents.ProductPermissionsChanged(organizationId, userId, productId, List.copyOf(permissions))));
    }

    private Uni<Void> requireMember(UUID organizationId, UUID userId) {
        return memberships.isMember(organizationId, userId).invoke(member -> {
            if (!member) {
                throw ProblemException.notFound("member " + userId + " of organization " + organizationId);
            }
        }).replaceWithVoid();
    }
}
