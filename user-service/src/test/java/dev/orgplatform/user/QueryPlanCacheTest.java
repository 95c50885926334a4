package dev.orgplatform.user;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveConnectionSupplier;
import org.junit.jupiter.api.Test;

import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import dev.orgplatform.user.notification.repository.NotificationDeliveryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Hibernate Reactive never finds a native select in its query-plan cache (its result mapping has no equality), so
 * each one run adds a plan that is never used again, until the cache is full of them and every other plan is pushed
 * out. The statements run on every write and every poll, and the tree's lookups, must therefore leave the cache as
 * it was.
 */
@QuarkusTest
@QuarkusTestResource(UserServiceStack.class)
class QueryPlanCacheTest {

    private static final int RUNS = 40;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    MembershipRepository memberships;

    @Inject
    OrganizationNodeRepository nodes;

    @Inject
    NotificationDeliveryRepository deliveries;

    @Test
    void locksAndOutboxPollsAddNoPlans() throws Throwable {
        UUID organization = UUID.randomUUID();
        lock(organization, UUID.randomUUID()); // each statement's first run adds its plan, once
        Thread.sleep(1_000);
        int before = VertxContextSupport.subscribeAndAwait(this::cachedPlans);
        for (int i = 0; i < RUNS; i++) {
            lock(organization, UUID.randomUUID());
        }
        Thread.sleep(2_000); // the outbox relay polls every 0.1 s meanwhile
        int after = VertxContextSupport.subscribeAndAwait(this::cachedPlans);
        // a plan per run would be 40 plus about 20 polls; background work may still run a statement for the first time
        assertTrue(after - before < 10, "the plan cache grew from " + before + " to " + after + " plans over " + RUNS
                + " locks and 2 s of outbox polls");
    }

    @Test
    void treeQueriesAndDeliveryPollsAddNoPlans() throws Throwable {
        UUID organization = UUID.randomUUID();
        readTree(organization);
        int before = VertxContextSupport.subscribeAndAwait(this::cachedPlans);
        for (int i = 0; i < RUNS; i++) {
            readTree(organization);
        }
        int after = VertxContextSupport.subscribeAndAwait(this::cachedPlans);
        assertTrue(after - before < 10, "the plan cache grew from " + before + " to " + after + " plans over " + RUNS
                + " runs of the tree's queries and the delivery poll");
    }

    private void readTree(UUID organization) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> nodes.enforces2fa(organization)
                .chain(() -> nodes.rootOf(organization)).chain(() -> memberships.suspendedIn(organization, UUID.randomUUID()))
                .chain(() -> deliveries.pending(10, 5))));
    }

    private void lock(UUID organization, UUID user) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> memberships.lockAdmission(organization, user)));
    }

    private Uni<Integer> cachedPlans() {
        return sessions.withSession(s -> Uni.createFrom().item(() -> ((SessionImplementor) ((MutinySessionImpl) s).unwrap(ReactiveConnectionSupplier.class))
                .getFactory().getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans()));
    }
}
