package dev.orgplatform.user.notification.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.QueryParams;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.notification.mapping.NotificationMapper;
import dev.orgplatform.user.notification.service.NotificationPreferencesService;
import dev.orgplatform.user.notification.service.NotificationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's own notifications (their in-app feed, read and unread) and their notification preferences. Rooted at
 * /api/v1 like every user-level resource.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "Notifications")
public class NotificationResource {

    private final NotificationService notifications;
    private final NotificationPreferencesService preferences;
    private final Caller caller;

    public NotificationResource(NotificationService notifications, NotificationPreferencesService preferences, Caller caller) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Path("/users/me/notifications")
    @Operation(summary = "My in-app notifications, newest first (unread=true: only those not read yet), with how each went out elsewhere")
    public Uni<Page<NotificationResponse>> feed(@QueryParam("unread") String unread, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        boolean unreadOnly = Boolean.TRUE.equals(QueryParams.bool(unread, "unread"));
        return notifications.feed(caller.userId(), unreadOnly, Cursor.limit(limit, 20, 100), cursor)
                .map(page -> page.map(NotificationMapper::toResponse));
    }

    @GET
    @Path("/users/me/notifications/unread-count")
    @Operation(summary = "How many of my in-app notifications are unread")
    public Uni<Map<String, Long>> unread() {
        return notifications.unread(caller.userId()).map(n -> Map.of("unread", n));
    }

    @POST
    @Path("/users/me/notifications/{id}/read")
    @Operation(summary = "Mark one of my notifications read (404 if it is not mine)")
    @APIResponse(responseCode = "204", description = "read")
    public Uni<Response> markRead(@PathParam("id") UUID id) {
        return notifications.markRead(caller.userId(), id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/users/me/notifications/read")
    @Operation(summary = "Mark all my notifications read")
    public Uni<Map<String, Integer>> markAllRead() {
        return notifications.markAllRead(caller.userId()).map(n -> Map.of("marked", n));
    }

    @GET
    @Path("/users/me/notification-preferences")
    @Operation(summary = "My channels per category (security, membership, billing, deployments) and where SMS and my webhook reach me")
    public Uni<NotificationPreferencesResponse> preferences() {
        return preferences.of(caller.userId()).map(NotificationMapper::toResponse);
    }

    @PUT
    @Path("/users/me/notification-preferences")
    @Operation(summary = "Change the channels of the categories named; set or remove (\"\") the phone number and webhook address")
    public Uni<NotificationPreferencesResponse> changePreferences(@Valid @NotNull NotificationPreferencesRequest request) {
        return preferences.change(caller.userId(), NotificationMapper.toChange(request)).map(NotificationMapper::toResponse);
    }
}
