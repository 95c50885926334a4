package dev.orgplatform.billing.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.billing.mapping.BillingMapper;
import dev.orgplatform.billing.service.BillingAccountService;
import dev.orgplatform.billing.service.BillingSettingsService;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Billing email, payment method and outstanding balance; usage-alert thresholds (Owners and Admins). The gate answers
 * first: whoever may not see the organization gets 404, a member without the permission 403.
 */
@Path("/api/v1/organizations/{organizationId}")
@Authenticated
@Tag(name = "Billing settings and alerts")
public class BillingSettingsResource {

    private final BillingAccountService accounts;
    private final BillingSettingsService settings;
    private final AccessGate gate;

    public BillingSettingsResource(BillingAccountService accounts, BillingSettingsService settings, AccessGate gate) {
        this.accounts = accounts;
        this.settings = settings;
        this.gate = gate;
    }

    @GET
    @Path("/billing-settings")
    @APIResponse(responseCode = "200", description = "the billing settings, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BillingSettingsResponse.class)))
    public Uni<Response> settings(@PathParam("organizationId") UUID organizationId) {
        return gate.require("billing:read", organizationId)
                .chain(() -> accounts.account(organizationId))
                .map(a -> Versions.ok(BillingMapper.toSettings(a), a.version));
    }

    @PUT
    @Path("/billing-settings")
    @APIResponse(responseCode = "200", description = "as they now are, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BillingSettingsResponse.class)))
    public Uni<Response> updateSettings(@PathParam("organizationId") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull BillingSettingsRequest request) {
        Versions.requirePresent(ifMatch);
        return gate.require("billing:manage", organizationId)
                .chain(() -> settings.updateSettings(BillingMapper.toCommand(organizationId, request, ifMatch)))
                .map(a -> Versions.ok(BillingMapper.toSettings(a), a.version));
    }

    @GET
    @Path("/alerts")
    @APIResponse(responseCode = "200", description = "the alert thresholds, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AlertThresholds.class)))
    public Uni<Response> thresholds(@PathParam("organizationId") UUID organizationId) {
        return gate.require("billing:read", organizationId)
                .chain(() -> accounts.account(organizationId))
                .map(a -> Versions.ok(BillingMapper.toThresholds(a), a.version));
    }

    @PUT
    @Path("/alerts")
    @APIResponse(responseCode = "200", description = "as they now are, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AlertThresholds.class)))
    public Uni<Response> updateThresholds(@PathParam("organizationId") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AlertThresholds request) {
        Versions.requirePresent(ifMatch);
        return gate.require("billing:manage", organizationId)
                .chain(() -> settings.updateThresholds(organizationId, request.thresholds(), ifMatch))
                .map(a -> Versions.ok(BillingMapper.toThresholds(a), a.version));
    }
}
