package dev.orgplatform.platform.rest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service serves which path of the public API: the first route whose expression matches the path's start. The
 * same list, in the same order, routes {@code deploy/k8s/base/ingress.yaml} (a test holds the two equal), and every
 * service names the right one when asked for a path it does not serve.
 */
public final class ServiceRoutes {

    public record Route(String expression, String service) {
        boolean serves(String path) {
            return Pattern.compile(expression).matcher(path).lookingAt();
        }
    }

    public static final List<Route> ROUTES = List.of(
            new Route("/api/v1/organizations/[^/]+/limits", "billing-service"),
            new Route("/api/v1/organizations/[^/]+/plan", "billing-service"),
            new Route("/api/v1/organizations/[^/]+/(billing-settings|alerts|reservations|balance|deletion-preconditions)", "billing-service"),
            new Route("/api/v1/organizations/[^/]+/invitations", "invitation-service"),
            new Route("/api/v1/invitations", "invitation-service"),
            new Route("/api/v1/organizations/[^/]+/(members|teams|api-keys|audit|suspensions|notifications|domains|sign-in-policy"
                    + "|sso-connections|sub-organizations-without-admin)", "user-service"),
            new Route("/api/v1/(users|authorization|api-keys)", "user-service"),
            new Route("/api/v1/organizations", "org-service"));

    private ServiceRoutes() {
    }

    /** The service that serves {@code path}; empty for a path outside the public API. */
    public static Optional<String> serviceOf(String path) {
        return ROUTES.stream().filter(r -> r.serves(path)).map(Route::service).findFirst();
    }
}
