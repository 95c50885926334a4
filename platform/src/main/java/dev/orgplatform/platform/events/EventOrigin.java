package dev.orgplatform.platform.events;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.net.ClientAddress;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Who caused an event and from which address, taken from the request that made the change (none when a
 * consumer or a job made it). Travels with every event so the audit log can say "who, from where".
 */
@ApplicationScoped
public class EventOrigin {

    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest requests;
    private final ClientAddress clientAddress;

    public EventOrigin(CurrentIdentityAssociation identities, CurrentVertxRequest requests, ClientAddress clientAddress) {
        this.identities = identities;
        this.requests = requests;
        this.clientAddress = clientAddress;
    }

    public String actor() {
        // only an HTTP request has a caller (resolved before the endpoint runs); a consumer or job has none, and
        // asking for it there would resolve an anonymous identity by blocking the event loop
        if (!Arc.container().requestContext().isActive() || requests.getCurrent() == null) {
            return null;
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public String address() {
        return clientAddress.current();
    }
}
