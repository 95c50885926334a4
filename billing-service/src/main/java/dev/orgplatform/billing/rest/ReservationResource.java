package dev.orgplatform.billing.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.billing.mapping.BillingMapper;
import dev.orgplatform.billing.service.QuotaService;
import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Quota reservations, for other platform services only (client-credentials tokens): people get 403. */
@Path("/api/v1/organizations/{organizationId}/reservations")
@Authenticated
@Tag(name = "Quota reservations")
public class ReservationResource {

    private final QuotaService quotas;
    private final AccessGate gate;

    public ReservationResource(QuotaService quotas, AccessGate gate) {
        this.quotas = quotas;
        this.gate = gate;
    }

    @POST
    @APIResponse(responseCode = "201", description = "held (a retry with the same idempotencyKey gets the first one)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReservationResponse.class)))
    public Uni<Response> reserve(@PathParam("organizationId") UUID organizationId, @Valid @NotNull ReserveRequest request) {
        gate.requireService(ServiceRight.RESERVATIONS);
        return quotas.reserve(BillingMapper.toCommand(organizationId, request))
                .map(r -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/reservations/" + r.id))
                        .entity(BillingMapper.toResponse(r)).build());
    }

    @POST
    @Path("/{reservationId}/commit")
    public Uni<ReservationResponse> commit(@PathParam("organizationId") UUID organizationId,
            @PathParam("reservationId") UUID reservationId) {
        gate.requireService(ServiceRight.RESERVATIONS);
        return quotas.commit(organizationId, reservationId).map(BillingMapper::toResponse);
    }

    @POST
    @Path("/{reservationId}/release")
    public Uni<ReservationResponse> release(@PathParam("organizationId") UUID organizationId,
            @PathParam("reservationId") UUID reservationId) {
        gate.requireService(ServiceRight.RESERVATIONS);
        return quotas.release(organizationId, reservationId).map(BillingMapper::toResponse);
    }
}
