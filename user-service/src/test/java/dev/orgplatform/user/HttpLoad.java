package dev.orgplatform.user;

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
 * The load loop of the benchmarks: {@code inFlight} requests kept in flight for a while, each answer's latency
 * recorded, then throughput and percentiles printed. Not a test; run by the benchmarks' {@code main}s.
 */
final class HttpLoad {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpLoad() {
    }

    /** A new organization with {@code owner} as its Owner, announced on Kafka as org-service would. */
    static UUID organizationOf(TestUsers.User owner) {
        UUID org = UUID.randomUUID();
        new KafkaEvents(TestUsers.stack().kafkaBootstrap()).publish("organizations", org, UUID.randomUUID().toString(),
                "OrganizationCreated", "/org-service", "{\"organizationId\":\"" + org + "\",\"ownerId\":\"" + owner.id()
                        + "\",\"ownerEmail\":\"" + owner.email() + "\"}");
        return org;
    }

    /** Sends {@code request} until its answer contains {@code expected}, for at most 30 s. */
    static String awaitAnswer(HttpRequest request, String expected) throws Exception {
        for (long until = System.currentTimeMillis() + 30_000; ; Thread.sleep(200)) {
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(expected)) {
                return body;
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("never answered " + expected + ": " + body);
            }
        }
    }

    /** Warms up for 5 s, measures for {@code seconds}, prints the figures under {@code name}. */
    static void measure(String name, HttpRequest request, int seconds, int inFlight) throws Exception {
        run(request, 5, inFlight, false);
        long[] latencies = run(request, seconds, inFlight, true);
        Arrays.sort(latencies);
        System.out.printf("%s: %d requests in %d s with %d in flight = %.0f/s; latency p50 %.2f ms, p99 %.2f ms, "
                + "p99.9 %.2f ms, max %.2f ms%n", name, latencies.length, seconds, inFlight, latencies.length / (double) seconds,
                pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 0.999), latencies[latencies.length - 1] / 1e6);
    }

    private static long[] run(HttpRequest request, int seconds, int inFlight, boolean record) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] samples = new long[20_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[inFlight];
        for (int i = 0; i < inFlight; i++) {
            loops[i] = loop(request, end, samples, count, failures);
        }
        CompletableFuture.allOf(loops).join();
        if (failures.get() > 0) {
            System.out.println("failed requests: " + failures.get());
        }
        return record ? Arrays.copyOf(samples, Math.min(count.get(), samples.length)) : new long[0];
    }

    private static CompletableFuture<Void> loop(HttpRequest request, long end, long[] samples, AtomicInteger count,
            AtomicLong failures) {
        if (System.nanoTime() > end) {
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            if (e != null || r.statusCode() != 200) {
                failures.incrementAndGet();
            } else {
                int i = count.getAndIncrement();
                if (i < samples.length) {
                    samples[i] = System.nanoTime() - start;
                }
            }
            return null;
        }).thenCompose(ignored -> loop(request, end, samples, count, failures));
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
