package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * org-service's image, built by Jib (deploy/image-smoke builds it and runs this), started with podman as one more
 * replica beside the packaged services, the way Kubernetes runs it: user 185, read-only root filesystem, /tmp
 * writable, configuration from the environment. It must become ready and answer a signed-in person. Outside
 * {@code verify}: it needs podman and a built image.
 */
class ImageSmokeIT {

    @Test
    void theImageBecomesReadyAndAnswersASignedInPerson() throws Exception {
        String image = System.getProperty("orgplatform.smoke.image");
        assertTrue(image != null && !image.isBlank(), "no image to run: start this test with deploy/image-smoke");
        LocalStack stack = Suite.services();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = stack.serviceEnvironment("org-service", StackConfig.defaultDatabase("org-service"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        String name = "org-platform-smoke-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> run = new ArrayList<>(List.of("podman", "run", "-d", "--name", name, "--network", "host",
                "--read-only", "--tmpfs", "/tmp", "--user", "185"));
        env.forEach((k, v) -> run.addAll(List.of("-e", k + "=" + v)));
        run.add(image);
        assertEquals(0, podman(run), "podman run");
        try {
            String url = "http://127.0.0.1:" + port;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertTrue(running(name), "the container stopped:\n" + logs(name));
                return Http.get(url + "/q/health/ready", Map.of()).status() == 200;
            });
            TestUsers.User owner = TestUsers.create("smoke-owner");
            String org = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                    .body(Map.of("name", "smoke-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Smoke", "region", "EU"))
                    .when().post(url + "/api/v1/organizations").then().statusCode(201).extract().path("id");
            given().auth().oauth2(owner.token()).when().get(url + "/api/v1/organizations/" + org)
                    .then().statusCode(200).body("id", equalTo(org));
            given().when().get(url + "/api/v1/organizations/" + org).then().statusCode(401);
            Figures.line("image: org-service's Jib image ran read-only as user 185 with podman, became ready and answered");
        } catch (AssertionError | RuntimeException e) {
            System.err.println("=== logs of " + name + "\n" + logs(name));
            throw e;
        } finally {
            podman(List.of("podman", "rm", "-f", name));
        }
    }

    private static boolean running(String name) throws IOException, InterruptedException {
        return output(List.of("podman", "inspect", "-f", "{{.State.Running}}", name)).strip().equals("true");
    }

    private static String logs(String name) {
        try {
            return output(List.of("podman", "logs", "--tail", "60", name));
        } catch (IOException | InterruptedException e) {
            return "(no logs: " + e + ")";
        }
    }

    private static int podman(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 120 s");
        }
        return p.exitValue();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
