package dev.orgplatform.user.notification.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.user.notification.service.Announcements;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Services built on the platform (with an API key of the organization) or its Admins tell its members deployment news. */
@Path("/api/v1/organizations/{organizationId}/notifications")
@Authenticated
@Tag(name = "Notifications")
public class AnnouncementResource {

    private final Announcements announcements;
    private final AccessGate gate;

    public AnnouncementResource(Announcements announcements, AccessGate gate) {
        this.announcements = announcements;
        this.gate = gate;
    }

    @POST
    @Operation(summary = "Tell the organization's members (those of the roles named, or all) deployment news, on the channels each "
            + "chose for DEPLOYMENTS; emits how many were told")
    public Uni<Map<String, Integer>> announce(@PathParam("organizationId") UUID organizationId, @Valid @NotNull AnnouncementRequest request) {
        return gate.require("organization:update", organizationId)
                .chain(() -> announcements.announce(new Announcements.Announcement(organizationId, request.category(), request.title(),
                        request.body(), request.roles(), request.key())))
                .map(told -> Map.of("told", told));
    }
}
