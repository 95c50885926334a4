package dev.orgplatform.org;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.testing.GrantedAccess;
import dev.orgplatform.platform.testing.GrantedQuotas;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Helpers for org-service's tests: run service calls on a Vert.x context, read events, move time, grant access. */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an Owner may do in an organization (user-service's matrix, as far as org-service asks). */
    static final String[] OWNER = { "organization:read", "organization:update", "organization:settings", "organization:create-child",
            "organization:delete", "organization:restore", "organization:transfer" };
    /** What an Admin may do: everything but delete, restore and transfer. */
    static final String[] ADMIN = { "organization:read", "organization:update", "organization:settings", "organization:create-child" };
    static final String[] VIEWER = { "organization:read" };

    private Fixtures() {
    }

    /** Runs a reactive service call the way a request would (on a Vert.x duplicated context) and waits. */
    static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem a service call refused with. */
    static ProblemException refusal(Supplier<Uni<?>> call) {
        try {
            await(() -> call.get().replaceWithVoid());
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    /**
     * Stands in for user-service's check for the current test (user-service does not run in module tests): nobody
     * has a role anywhere until granted one. Every unit billing-service would reserve is granted too (none runs here).
     */
    static GrantedAccess grantedAccess() {
        GrantedAccess access = new GrantedAccess();
        QuarkusMock.installMockForType(access, AccessPolicy.class);
        grantedQuotas();
        return access;
    }

    /** Sub-organizations take a unit at billing-service, which does not run in these tests: every unit is granted. */
    static void grantedQuotas() {
        QuarkusMock.installMockForType(new GrantedQuotas(), Quotas.class);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static KafkaEvents kafka() {
        return new KafkaEvents(TestUsers.stack().kafkaBootstrap());
    }

    /** The data of the first event of {@code type} about {@code organizationId}. */
    static JsonNode event(String type, UUID organizationId) {
        ConsumerRecord<String, String> r = kafka().await("organizations",
                e -> organizationId.toString().equals(e.key()) && type.equals(KafkaEvents.header(e, "ce_type")), Duration.ofSeconds(20));
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock tests set by hand (installed with QuarkusMock.installMockForType). */
    static final class MovableClock extends PlatformClock {
        private volatile Instant now = Instant.now();

        @Override
        public Instant now() {
            return now;
        }

        void set(Instant instant) {
            now = instant;
        }
    }
}
