package dev.orgplatform.console.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The console calls the services on the person's behalf, so it passes on where the person is: the addresses the
 * request already carried ({@code X-Forwarded-For}) and the browser's (or the ingress's) own. The services believe it
 * because the console is among their trusted proxies ({@code platform.http.trusted-proxies}), and hold it against the
 * organization's IP allowlist and write it into the audit log.
 */
@ApplicationScoped
public class ForwardedClient implements ClientHeadersFactory {

    private final CurrentVertxRequest requests;

    public ForwardedClient(CurrentVertxRequest requests) {
        this.requests = requests;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        RoutingContext current = requests.getCurrent();
        if (current == null || current.request().remoteAddress() == null) {
            return headers;
        }
        HttpServerRequest request = current.request();
        String peer = request.remoteAddress().hostAddress();
        String chain = request.getHeader("X-Forwarded-For");
        headers.putSingle("X-Forwarded-For", chain == null || chain.isBlank() ? peer : chain + ", " + peer);
        return headers;
    }
}
