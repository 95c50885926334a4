package dev.orgplatform.systemtests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;

/**
 * Secrets have no production default: each packaged service started as a deployment starts it (production profile,
 * configuration from the environment) but without one of its secrets stops at once, naming the setting.
 * Nothing else needs to run: it stops before it connects to anything.
 */
class ProductionProfileIT {

    private static final Pattern MISSING = Pattern.compile("([\\w.\\-]+) is required and has no default outside the dev and test profiles: set (\\w+)");

    /** Everything a deployment gives, the secrets included; each case leaves out one. */
    private static final Map<String, String> DEPLOYMENT = Map.of(
            "QUARKUS_HTTP_PORT", "0",
            "QUARKUS_DATASOURCE_USERNAME", "platform",
            "QUARKUS_DATASOURCE_PASSWORD", "not-the-real-one",
            "QUARKUS_OIDC_CREDENTIALS_SECRET", "not-the-real-one",
            "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/org-platform",
            "QUARKUS_MAILER_HOST", "127.0.0.1");

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
            "org-service, QUARKUS_DATASOURCE_PASSWORD",
            "org-service, QUARKUS_OIDC_CREDENTIALS_SECRET",
            "user-service, QUARKUS_DATASOURCE_PASSWORD",
            "user-service, QUARKUS_DATASOURCE_USERNAME",
            "invitation-service, QUARKUS_OIDC_CREDENTIALS_SECRET",
            "invitation-service, QUARKUS_MAILER_HOST",
            "billing-service, QUARKUS_DATASOURCE_PASSWORD",
            "billing-service, QUARKUS_MAILER_HOST",
            "console, QUARKUS_OIDC_CREDENTIALS_SECRET",
            "console, QUARKUS_OIDC_AUTH_SERVER_URL" })
    void refusesToStartWithoutASecretAndNamesIt(String app, String leftOut) throws Exception {
        Path jar = LocalStack.of(StackProfile.TEST).config().repoRoot().resolve(app).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("production-" + app + "-", ".log");
        // it only gets as far as reading its configuration: a JVM tuned to start, not to run long, saves a second a case
        ProcessBuilder start = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("KAFKA_"));
        start.environment().putAll(DEPLOYMENT);
        start.environment().remove(leftOut);

        Process process = start.start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = read(log);
        assertTrue(exited, () -> app + " kept running without " + leftOut + ":\n" + tail(output));
        assertNotEquals(0, process.exitValue(), () -> app + " exited 0 without " + leftOut);
        Matcher named = MISSING.matcher(output);
        List<String> missing = named.results().map(m -> m.group(2)).distinct().toList();
        assertTrue(missing.contains(leftOut),
                () -> app + " did not name " + leftOut + "; it named " + missing + ":\n" + tail(output));
        Files.deleteIfExists(log);
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String tail(String output) {
        return output.length() > 3000 ? output.substring(output.length() - 3000) : output;
    }
}
