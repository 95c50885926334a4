package dev.orgplatform.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * Checks per second and latency percentiles of {@code POST /api/v1/authorization/check} through HTTP against a RUNNING
 * user-service on the test stack (not part of {@code verify}). See README.md, "Benchmarking the authorization check":
 * <pre>
 * ORGPLATFORM_TEST_PORT_OFFSET=2000 ./mvnw -o -q -pl user-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.orgplatform.user.AuthorizationCheckBenchmark -Dexec.args="http://127.0.0.1:30182 20 64"
 * </pre>
 * Arguments: the service's base URL, seconds to measure (after 5 s of warm-up), requests in flight.
 */
public final class AuthorizationCheckBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:" + TestUsers.stack().servicePort("user-service");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;

        // one organization with its Owner, announced as org-service would
        TestUsers.User owner = TestUsers.create("bench-owner");
        UUID org = UUID.randomUUID();
        new KafkaEvents(TestUsers.stack().kafkaBootstrap()).publish("organizations", org, UUID.randomUUID().toString(),
                "OrganizationCreated", "/org-service", "{\"organizationId\":\"" + org + "\",\"ownerId\":\"" + owner.id()
                        + "\",\"ownerEmail\":\"" + owner.email() + "\"}");
        String token = TestUsers.serviceToken("invitation-service");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest check = HttpRequest.newBuilder(URI.create(base + "/api/v1/authorization/check"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + owner.id() + "\",\"organizationId\":\"" + org
                        + "\",\"permission\":\"device:write\",\"productId\":\"p-1\",\"secondFactor\":false}"))
                .build();
        for (long until = System.currentTimeMillis() + 30_000; ; Thread.sleep(200)) {
            String body = http.send(check, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"allowed\":true")) {
                break;
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("the organization never became known: " + body);
            }
        }

        run(http, check, 5, inFlight, false); // warm-up: JIT, connections
        long[] latencies = run(http, check, seconds, inFlight, true);
        Arrays.sort(latencies);
        System.out.printf("authorization check: %d checks in %d s with %d in flight = %.0f checks/s; latency p50 %.2f ms, "
                + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", latencies.length, seconds, inFlight, latencies.length / (double) seconds,
                pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 0.999), latencies[latencies.length - 1] / 1e6);
        System.exit(0);
    }

    private static long[] run(HttpClient http, HttpRequest check, int seconds, int inFlight, boolean record) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] samples = new long[20_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[inFlight];
        for (int i = 0; i < inFlight; i++) {
            loops[i] = loop(http, check, end, samples, count, failures);
        }
        CompletableFuture.allOf(loops).join();
        if (failures.get() > 0) {
            System.out.println("failed requests: " + failures.get());
        }
        return record ? Arrays.copyOf(samples, Math.min(count.get(), samples.length)) : new long[0];
    }

    private static CompletableFuture<Void> loop(HttpClient http, HttpRequest check, long end, long[] samples, AtomicInteger count,
            AtomicLong failures) {
        if (System.nanoTime() > end) {
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        return http.sendAsync(check, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            if (e != null || r.statusCode() != 200) {
                failures.incrementAndGet();
            } else {
                int i = count.getAndIncrement();
                if (i < samples.length) {
                    samples[i] = System.nanoTime() - start;
                }
            }
            return null;
        }).thenCompose(ignored -> loop(http, check, end, samples, count, failures));
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
