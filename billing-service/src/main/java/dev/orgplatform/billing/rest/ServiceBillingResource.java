package dev.orgplatform.billing.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.billing.mapping.BillingMapper;
import dev.orgplatform.billing.service.BillingSettingsService;
import dev.orgplatform.billing.service.DeletionPreconditions;
import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** For other platform services and operators' tooling only (client-credentials tokens): people get 403. */
@Path("/api/v1/organizations/{organizationId}")
@Authenticated
@Tag(name = "For platform services")
public class ServiceBillingResource {

    private final BillingSettingsService settings;
    private final DeletionPreconditions preconditions;
    private final AccessGate gate;

    public ServiceBillingResource(BillingSettingsService settings, DeletionPreconditions preconditions, AccessGate gate) {
        this.settings = settings;
        this.preconditions = preconditions;
        this.gate = gate;
    }

    /** What billing says about deleting the organization (org-service asks before it accepts a deletion). */
    @GET
    @Path("/deletion-preconditions")
    public Uni<DeletionPreconditionsResponse> deletionPreconditions(@PathParam("organizationId") UUID organizationId) {
        gate.requireService(ServiceRight.ORGANIZATION_STATE);
        return preconditions.of(organizationId).map(BillingMapper::toResponse);
    }

    /** The outstanding balance, as the payment system (or an operator) knows it. */
    @PUT
    @Path("/balance")
    public Uni<BillingSettingsResponse> setBalance(@PathParam("organizationId") UUID organizationId,
            @Valid @NotNull BalanceRequest request) {
        gate.requireService(ServiceRight.BALANCE);
        return settings.setBalance(organizationId, request.outstandingCents()).map(BillingMapper::toSettings);
    }
}
