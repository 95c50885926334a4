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
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Helpers for org-service's tests: run service calls on a Vert.x context, read events, move time. */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

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
