package dev.orgplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.config.HttpClientConfig;

/**
 * The four packaged services on the build's test stack. Every system test class shares one start of them (the tests
 * make organizations and users of their own, so they need no empty databases); they start again, on empty databases,
 * only when a jar was rebuilt or a test asks for other configuration.
 */
final class Suite {

    /**
     * The configuration every system test runs the services with: org-service's grace period and purge interval are
     * short so a purge is observable (a deployment may shorten them the same way).
     */
    /** What runs from this repository's jars: the four services and the console. */
    private static final List<String> APPS = Stream.concat(StackConfig.SERVICES.stream(), Stream.of(StackConfig.CONSOLE)).toList();

    static final Map<String, String> ENV = Map.of("ORG_DELETION_GRACE_PERIOD", "PT15S", "ORG_DELETION_PURGE_INTERVAL", "1s");

    static {
        // a service that stops answering fails the request, and so the test, instead of hanging the build
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000)
                .setParam("http.socket.timeout", 30_000)
                .setParam("http.connection-manager.timeout", 5_000L));
    }

    private Suite() {
    }

    /** The services with {@link #ENV}, started only if they do not already run so. */
    static LocalStack services() {
        return services(ENV);
    }

    /** The services with {@code env} overriding their configuration, started only if they do not already run so. */
    static LocalStack services(Map<String, String> env) {
        LocalStack stack = LocalStack.of(StackProfile.TEST);
        stack.ensureInfra();
        Path stamp = stack.config().stateDir().resolve("system-tests.services");
        String wanted = fingerprint(stack, env);
        boolean running = APPS.stream().allMatch(s -> healthy(url(stack, s)));
        if (running && wanted.equals(read(stamp))) return stack;
        stack.stopServices();
        for (String service : StackConfig.SERVICES) {
            stack.createDatabase(StackConfig.defaultDatabase(service), true);
        }
        stack.startServices(env);
        awaitConsumersJoined(stack);
        write(stamp, wanted);
        return stack;
    }

    /**
     * Readiness does not wait for Kafka's consumer groups (by design), so right after a start an organization may take
     * longer than read-your-writes waits to reach user-service and billing-service. One organization made and seen
     * usable on both before any test runs means every consumer has its partitions.
     */
    private static void awaitConsumersJoined(LocalStack stack) {
        TestUsers.User probe = TestUsers.create("suite-warm-up");
        String org = RestAssured.given().auth().oauth2(probe.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "warm-up-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Warm-up",
                        "region", "EU"))
                .post(url(stack, "org-service") + "/api/v1/organizations").then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                RestAssured.given().auth().oauth2(probe.token()).get(url(stack, "user-service") + "/api/v1/organizations/" + org
                        + "/members").statusCode() == 200
                && RestAssured.given().auth().oauth2(probe.token()).get(url(stack, "billing-service")
                        + "/api/v1/organizations/" + org + "/limits").statusCode() == 200);
    }

    static String url(LocalStack stack, String service) {
        return "http://127.0.0.1:" + stack.config().servicePort(service);
    }

    /** What the running services must match: their configuration and when their jars were built. */
    private static String fingerprint(LocalStack stack, Map<String, String> env) {
        StringBuilder b = new StringBuilder(new TreeMap<>(env).toString());
        for (String service : APPS) {
            Path app = stack.config().repoRoot().resolve(service).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.walk(app.resolve("app"))) {
                b.append('\n').append(service).append(' ').append(files.filter(Files::isRegularFile).map(f -> {
                    try {
                        return f.getFileName() + "@" + Files.getLastModifiedTime(f).toMillis();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sorted().collect(Collectors.joining(",")));
            } catch (IOException e) {
                b.append('\n').append(service).append(" unbuilt");
            }
        }
        return b.toString();
    }

    private static boolean healthy(String url) {
        try {
            return RestAssured.given().get(url + "/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // REST Assured rethrows a refused connection unchecked
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
