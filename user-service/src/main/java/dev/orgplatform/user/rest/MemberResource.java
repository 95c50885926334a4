package dev.orgplatform.user.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.mapping.MembershipMapper;
import dev.orgplatform.user.service.MembershipService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{organizationId}/members")
@Authenticated
@Tag(name = "Members")
public class MemberResource {

    private final MembershipService memberships;
    private final AccessPolicy access;
    private final Caller caller;

    public MemberResource(MembershipService memberships, AccessPolicy access, Caller caller) {
        this.memberships = memberships;
        this.access = access;
        this.caller = caller;
    }

    @GET
    public Uni<List<MemberResponse>> list(@PathParam("organizationId") UUID organizationId) {
        return access.require(caller.may("member:read", organizationId))
                .chain(() -> memberships.members(organizationId))
                .map(all -> all.stream().map(MembershipMapper::toResponse).toList());
    }
}
