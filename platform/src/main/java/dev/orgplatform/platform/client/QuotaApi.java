package dev.orgplatform.platform.client;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** billing-service's quota reservations, called with this service's client-credentials token. */
@RegisterRestClient(configKey = "billing-service")
@OidcClientFilter
@Path("/api/v1/organizations/{organizationId}/reservations")
public interface QuotaApi {

    /** {@code holder} (null: the idempotency key) names who holds the unit, e.g. {@link ReservationKeys#member}. */
    record ReserveRequest(String resource, long amount, String idempotencyKey, String holder) {
    }

    record Reservation(UUID id, String state) {
    }

    @POST
    Uni<Reservation> reserve(@PathParam("organizationId") UUID organizationId, ReserveRequest request);

    @POST
    @Path("/{reservationId}/release")
    Uni<Reservation> release(@PathParam("organizationId") UUID organizationId, @PathParam("reservationId") UUID reservationId);
}
