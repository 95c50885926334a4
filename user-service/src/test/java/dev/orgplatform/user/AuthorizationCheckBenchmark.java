package dev.orgplatform.user;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

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

        TestUsers.User owner = TestUsers.create("bench-owner");
        UUID org = HttpLoad.organizationOf(owner);
        HttpRequest check = HttpRequest.newBuilder(URI.create(base + "/api/v1/authorization/check"))
                .header("Authorization", "Bearer " + TestUsers.serviceToken("invitation-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + owner.id() + "\",\"organizationId\":\"" + org
                        + "\",\"permission\":\"device:write\",\"productId\":\"p-1\",\"secondFactor\":false}"))
                .build();
        HttpLoad.awaitAnswer(check, "\"allowed\":true");
        HttpLoad.measure("authorization check", check, seconds, inFlight);
        System.exit(0);
    }
}
