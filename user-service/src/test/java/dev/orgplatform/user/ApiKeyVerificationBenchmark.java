package dev.orgplatform.user;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.Secrets;

/**
 * Verifications per second and latency percentiles of {@code POST /api/v1/api-keys/verify} (what every other service
 * asks when it is shown an API key) against a RUNNING user-service on the test stack (not part of {@code verify}):
 * <pre>
 * ORGPLATFORM_TEST_PORT_OFFSET=2000 ./mvnw -o -q -pl user-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.orgplatform.user.ApiKeyVerificationBenchmark -Dexec.args="http://127.0.0.1:30182 20 64"
 * </pre>
 * Arguments: the service's base URL, seconds to measure (after 5 s of warm-up), requests in flight.
 */
public final class ApiKeyVerificationBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:" + TestUsers.stack().servicePort("user-service");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;

        TestUsers.User owner = TestUsers.create("bench-key-owner");
        UUID org = HttpLoad.organizationOf(owner);
        HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/api/v1/organizations/" + org + "/api-keys"))
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"scopes\":[\"read\"],\"expiresIn\":\"30d\"}"))
                .build();
        String created = HttpLoad.awaitAnswer(create, "\"secret\"");
        String secret = created.replaceAll(".*\"secret\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpRequest verify = HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys/verify"))
                .header("Authorization", "Bearer " + TestUsers.serviceToken("invitation-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"secretHash\":\"" + Secrets.hash(secret) + "\"}"))
                .build();
        HttpLoad.awaitAnswer(verify, "\"keyId\"");
        HttpLoad.measure("API key verification", verify, seconds, inFlight);
        System.exit(0);
    }
}
