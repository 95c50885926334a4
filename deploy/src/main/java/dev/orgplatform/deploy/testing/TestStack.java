package dev.orgplatform.deploy.testing;

import java.util.HashMap;
import java.util.Map;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;

/**
 * Points a {@code @QuarkusTest} at the build's shared test stack (real PostgreSQL, Kafka, Keycloak,
 * GreenMail), starting whatever part of it is not running yet. Each service's test sources hold a
 * one-line {@code QuarkusTestResourceLifecycleManager} calling this: Quarkus loads test resources with its
 * own class loader, which a class of this jar cannot implement for it.
 */
public final class TestStack {

    private TestStack() {
    }

    /** The Quarkus configuration of {@code service} against the test stack, on a fresh {@code database}. */
    public static Map<String, String> configFor(String service, String database) {
        LocalStack stack = LocalStack.of(StackProfile.TEST);
        stack.ensureInfra();
        // packaged services a kept system-test run left behind share the consumer groups: they would take this test's events
        stack.stopServices();
        stack.createDatabase(database, true);
        Map<String, String> config = new HashMap<>(stack.serviceConfig(service, database));
        config.remove("quarkus.http.port"); // tests run on Quarkus' test port
        return config;
    }
}
