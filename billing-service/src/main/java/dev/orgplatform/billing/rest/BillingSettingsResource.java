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

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.mapping.BillingMapper;
import dev.orgplatform.billing.service.BillingAccountService;
import dev.orgplatform.billing.service.BillingSettingsService;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Billing email, payment method and outstanding balance; usage-alert thresholds (Owners and Admins). */
@Path("/api/v1/organizations/{organizationId}")
@Authenticated
@Tag(name = "Billing settings and alerts")
public class BillingSettingsResource {

    private final BillingAccountService accounts;
    private final BillingSettingsService settings;
    private final AccessPolicy access;
    private final Caller caller;

    public BillingSettingsResource(BillingAccountService accounts, BillingSettingsService settings, AccessPolicy access, Caller caller) {
        this.accounts = accounts;
        this.settings = settings;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Path("/billing-settings")
    public Uni<Response> settings(@PathParam("organizationId") UUID organizationId) {
        return access.require(caller.may("billing:read", organizationId))
                .chain(() -> accounts.account(organizationId))
                .map(a -> tagged(BillingMapper.toSettings(a), a));
    }

    @PUT
    @Path("/billing-settings")
    public Uni<Response> updateSettings(@PathParam("organizationId") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull BillingSettingsRequest request) {
        return access.require(caller.may("billing:manage", organizationId))
                .chain(() -> settings.updateSettings(organizationId, request.billingEmail(),
                        request.paymentMethod() == null ? null : request.paymentMethod().type(),
                        request.paymentMethod() == null ? null : request.paymentMethod().reference(), ifMatch))
                .map(a -> tagged(BillingMapper.toSettings(a), a));
    }

    @GET
    @Path("/alerts")
    public Uni<Response> thresholds(@PathParam("organizationId") UUID organizationId) {
        return access.require(caller.may("billing:read", organizationId))
                .chain(() -> accounts.account(organizationId))
                .map(a -> tagged(BillingMapper.toThresholds(a), a));
    }

    @PUT
    @Path("/alerts")
    public Uni<Response> updateThresholds(@PathParam("organizationId") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AlertThresholds request) {
        return access.require(caller.may("billing:manage", organizationId))
                .chain(() -> settings.updateThresholds(organizationId, request.thresholds(), ifMatch))
                .map(a -> tagged(BillingMapper.toThresholds(a), a));
    }

    static Response tagged(Object body, BillingAccount account) {
        return Response.ok(body).tag(Long.toString(account.version)).build();
    }
}
