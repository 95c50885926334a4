package dev.orgplatform.user.membership.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import dev.orgplatform.user.membership.service.MembershipService;
import io.smallrye.mutiny.Uni;

/** The sub-organizations of a tree that have no Admin of their own, for those who manage the tree. */
@Path("/api/v1/organizations/{organizationId}/sub-organizations-without-admin")
@Authenticated
public class AdminlessResource {

    /** {@code organizations}: the ids, the shallowest first. */
    public record WithoutAdmin(List<UUID> organizations) {
    }

    private final MembershipService memberships;
    private final AccessGate gate;

    public AdminlessResource(MembershipService memberships, AccessGate gate) {
        this.memberships = memberships;
        this.gate = gate;
    }

    @GET
    @Operation(summary = "The sub-organizations at or below this one that have no Admin of their own (no member with the ADMIN role "
            + "who is not suspended): every sub-organization should have one. For the Owners and Admins above them")
    public Uni<WithoutAdmin> list(@PathParam("organizationId") UUID organizationId) {
        return gate.require("organization:create-child", organizationId)
                .chain(() -> memberships.subOrganizationsWithoutAdmin(organizationId)).map(WithoutAdmin::new);
    }
}
