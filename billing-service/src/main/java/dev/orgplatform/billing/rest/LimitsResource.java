package dev.orgplatform.billing.rest;

import java.util.Arrays;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.billing.BillingAccount;
import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.mapping.BillingMapper;
import dev.orgplatform.billing.service.BillingAccountService;
import dev.orgplatform.billing.service.PlanService;
import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An organization's plan, limits and usage (Owners and Admins): its tree's, set at the root. The ETag is the billing
 * account's version.
 */
@Path("/api/v1/organizations/{organizationId}")
@Authenticated
@Tag(name = "Plans, limits and usage")
public class LimitsResource {

    private final BillingAccountService accounts;
    private final PlanService plans;
    private final AccessGate gate;

    public LimitsResource(BillingAccountService accounts, PlanService plans, AccessGate gate) {
        this.accounts = accounts;
        this.plans = plans;
        this.gate = gate;
    }

    /** Owners and Admins; platform services too (a service shows usage before it reserves). */
    @GET
    @Path("/limits")
    @APIResponse(responseCode = "200", description = "plan, features, limits and usage, with the account's ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public Uni<Response> limits(@PathParam("organizationId") UUID organizationId) {
        return gate.requireOrService("billing:read", organizationId, ServiceRight.ORGANIZATION_STATE)
                .chain(() -> accounts.account(organizationId))
                .chain(this::limitsOf);
    }

    @PUT
    @Path("/plan")
    @APIResponse(responseCode = "200", description = "the limits under the new plan, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public Uni<Response> changePlan(@PathParam("organizationId") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ChangePlanRequest request) {
        Versions.requirePresent(ifMatch);
        return gate.require("billing:manage", organizationId)
                .chain(() -> plans.changePlan(organizationId, request.plan(), ifMatch))
                .chain(this::limitsOf);
    }

    @PUT
    @Path("/limits/{resource}")
    @APIResponse(responseCode = "200", description = "the limits with the custom one, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public Uni<Response> setLimit(@PathParam("organizationId") UUID organizationId, @PathParam("resource") String resource,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CustomLimitRequest request) {
        LimitedResource r = resource(resource);
        Versions.requirePresent(ifMatch);
        return gate.require("billing:manage", organizationId)
                .chain(() -> plans.setCustomLimit(organizationId, r, request.limit(), ifMatch))
                .chain(this::limitsOf);
    }

    /** Drops a custom limit: the plan's applies again. */
    @DELETE
    @Path("/limits/{resource}")
    @APIResponse(responseCode = "200", description = "the limits, the plan's applying again, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public Uni<Response> resetLimit(@PathParam("organizationId") UUID organizationId, @PathParam("resource") String resource,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        LimitedResource r = resource(resource);
        Versions.requirePresent(ifMatch);
        return gate.require("billing:manage", organizationId)
                .chain(() -> plans.resetLimit(organizationId, r, ifMatch))
                .chain(this::limitsOf);
    }

    private Uni<Response> limitsOf(BillingAccount account) {
        return accounts.limits(account).map(t -> Versions.ok(BillingMapper.toResponse(t), account.version));
    }

    private static LimitedResource resource(String key) {
        LimitedResource r = LimitedResource.ofKey(key);
        if (r == null) {
            throw ProblemException.badField("resource", "is not one of "
                    + Arrays.stream(LimitedResource.values()).map(LimitedResource::key).toList());
        }
        return r;
    }
}
