package dev.orgplatform.platform.net;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way every service knows a request's client address ({@link ForwardedChain}): the audit log, the limiters
 * and the organizations' IP allowlists all use it. Forwarding headers count only from the proxies listed in
 * {@code platform.http.trusted-proxies} (CIDRs; none by default: the peer itself is the client).
 */
@ApplicationScoped
public class ClientAddress {

    private final CurrentVertxRequest requests;
    private final List<Cidr> trustedProxies;

    public ClientAddress(CurrentVertxRequest requests,
            @ConfigProperty(name = "platform.http.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.requests = requests;
        this.trustedProxies = trustedProxies.orElse(List.of()).stream()
                .map(c -> Cidr.parse(c.contains("/") ? c : c + (c.contains(":") ? "/128" : "/32"))
                        .orElseThrow(() -> new IllegalArgumentException("platform.http.trusted-proxies: " + c + " is not an address or CIDR")))
                .toList();
    }

    /** The client of this request. */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return ForwardedChain.client(peer, request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    /** The client of the HTTP request being served, or null outside one (a consumer, a job). */
    public String current() {
        if (requests == null || Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext request = requests.getCurrent();
        return request == null ? null : of(request.request());
    }
}
