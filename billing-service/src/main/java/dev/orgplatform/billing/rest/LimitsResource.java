package dev.orgplatform.billing.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.billing.mapping.BillingMapper;
import dev.orgplatform.billing.service.BillingAccountService;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{organizationId}/limits")
@Authenticated
@Tag(name = "Limits and usage")
public class LimitsResource {

    private final BillingAccountService accounts;
    private final AccessPolicy access;
    private final Caller caller;

    public LimitsResource(BillingAccountService accounts, AccessPolicy access, Caller caller) {
        this.accounts = accounts;
        this.access = access;
        this.caller = caller;
    }

    @GET
    public Uni<LimitsResponse> limits(@PathParam("organizationId") UUID organizationId) {
        return access.require(caller.may("billing:read", organizationId))
                .chain(() -> accounts.account(organizationId))
                .chain(a -> accounts.quotas(organizationId).map(q -> BillingMapper.toResponse(a, q)));
    }
}
