package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ServiceRoutesTest {

    private static final Pattern INGRESS_PATH = Pattern.compile("path: \"([^\"]+)\".*service: \\{ name: ([a-z-]+)");

    @Test
    void theIngressRoutesThePublicApiAsTheServicesSayInTheSameOrder() throws IOException {
        Path ingress = Path.of(System.getProperty("orgplatform.root", "..")).resolve("deploy/k8s/base/ingress.yaml");
        List<ServiceRoutes.Route> routed = new ArrayList<>();
        for (String line : Files.readAllLines(ingress)) {
            Matcher m = INGRESS_PATH.matcher(line);
            if (m.find() && !m.group(2).equals("console")) {
                routed.add(new ServiceRoutes.Route(m.group(1), m.group(2)));
            }
        }
        assertEquals(ServiceRoutes.ROUTES, routed);
    }

    @Test
    void eachPathGoesToTheServiceThatServesIt() {
        assertEquals(Optional.of("billing-service"), ServiceRoutes.serviceOf("/api/v1/organizations/42/limits/members"));
        assertEquals(Optional.of("user-service"), ServiceRoutes.serviceOf("/api/v1/organizations/42/sign-in-policy"));
        assertEquals(Optional.of("user-service"), ServiceRoutes.serviceOf("/api/v1/users/me/notifications"));
        assertEquals(Optional.of("invitation-service"), ServiceRoutes.serviceOf("/api/v1/invitations/accept"));
        assertEquals(Optional.of("org-service"), ServiceRoutes.serviceOf("/api/v1/organizations/42/branding/logo"));
        assertEquals(Optional.of("org-service"), ServiceRoutes.serviceOf("/api/v1/organizations"));
        assertEquals(Optional.empty(), ServiceRoutes.serviceOf("/q/openapi"));
    }
}
