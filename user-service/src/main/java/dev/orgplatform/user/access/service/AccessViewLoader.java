package dev.orgplatform.user.access.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import dev.orgplatform.user.membership.repository.ProductPermissionRepository;
import dev.orgplatform.user.membership.repository.UserProfileRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Fills the {@link AccessView} from the database before the service takes traffic. */
@ApplicationScoped
public class AccessViewLoader {

    private static final Logger LOG = Logger.getLogger(AccessViewLoader.class);

    private final AccessView view;
    private final OrganizationNodeRepository nodes;
    private final MembershipRepository memberships;
    private final UserProfileRepository users;
    private final ProductPermissionRepository grants;
    private volatile Instant loadedFrom = Instant.now();

    public AccessViewLoader(AccessView view, OrganizationNodeRepository nodes, MembershipRepository memberships,
            UserProfileRepository users, ProductPermissionRepository grants) {
        this.view = view;
        this.nodes = nodes;
        this.memberships = memberships;
        this.users = users;
        this.grants = grants;
    }

    /** When the view was read from the database: the follower replays the topics from shortly before. */
    public Instant loadedFrom() {
        return loadedFrom;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        loadedFrom = Instant.now();
        long began = System.nanoTime();
        int[] counts = new int[3];
        // one after the other: a reactive session runs one statement at a time
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> nodes.listAll()
                .invoke(all -> {
                    all.forEach(n -> {
                        view.putOrganization(n.id, n.parentId, n.available);
                        view.setEnforce2fa(n.id, n.enforce2fa);
                    });
                    counts[0] = all.size();
                })
                .chain(() -> memberships.listAll()).invoke(all -> {
                    all.forEach(m -> view.putRole(m.organizationId, m.userId, m.role));
                    counts[1] = all.size();
                })
                .chain(() -> grants.listAll()).invoke(all -> all.stream()
                        .collect(Collectors.groupingBy(g -> List.of(g.organizationId, g.userId, g.productId),
                                Collectors.mapping(g -> g.permission, Collectors.toSet())))
                        .forEach((k, perms) -> view.setProductPermissions((UUID) k.get(0), (UUID) k.get(1), (String) k.get(2), perms)))
                .chain(() -> users.suspended()).invoke(all -> {
                    all.forEach(u -> view.setSuspended(u.id, true));
                    counts[2] = all.size();
                })));
        view.forgetChangeTimes();
        LOG.infof("access view loaded: %d organizations, %d memberships, %d suspended users in %d ms", counts[0], counts[1],
                counts[2], (System.nanoTime() - began) / 1_000_000);
    }
}
