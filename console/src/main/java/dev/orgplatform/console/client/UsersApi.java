package dev.orgplatform.console.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** user-service, called with the signed-in person's access token. */
@RegisterClientHeaders(ForwardedClient.class)
@RegisterRestClient(configKey = "user-service")
@AccessToken
@Path("/api/v1")
public interface UsersApi {

    @GET
    @Path("/users/me")
    Uni<Response> me();

    @GET
    @Path("/users/me/notifications")
    Uni<Response> notifications(@QueryParam("limit") int limit);

    @GET
    @Path("/users/me/notifications/unread-count")
    Uni<Response> unreadNotifications();

    @POST
    @Path("/users/me/notifications/{id}/read")
    Uni<Response> markNotificationRead(@PathParam("id") UUID id);

    @POST
    @Path("/users/me/notifications/read")
    Uni<Response> markAllNotificationsRead();

    @GET
    @Path("/users/me/notification-preferences")
    Uni<Response> notificationPreferences();

    @PUT
    @Path("/users/me/notification-preferences")
    Uni<Response> changeNotificationPreferences(Map<String, Object> change);

    @PATCH
    @Path("/users/me")
    Uni<Response> updateMe(@HeaderParam("If-Match") String ifMatch, Map<String, Object> change);

    @GET
    @Path("/users/me/organizations")
    Uni<Response> myOrganizations();

    @GET
    @Path("/organizations/{id}/sub-organizations-without-admin")
    Uni<Response> withoutAdmin(@PathParam("id") UUID organizationId);

    @GET
    @Path("/organizations/{id}/sso-connections")
    Uni<Response> ssoConnections(@PathParam("id") UUID organizationId);

    @GET
    @Path("/organizations/{id}/domains")
    Uni<Response> domains(@PathParam("id") UUID organizationId);

    @GET
    @Path("/organizations/{id}/sign-in-policy")
    Uni<Response> signInPolicy(@PathParam("id") UUID organizationId);

    /** Makes an SSO sign-in's person a member of the connection's organization at once (idempotent). */
    @POST
    @Path("/users/me/sso-admissions")
    Uni<Response> ssoAdmission();

    @GET
    @Path("/organizations/{id}/members")
    Uni<Response> members(@PathParam("id") UUID organizationId, @QueryParam("limit") int limit);

    @GET
    @Path("/organizations/{id}/members/{userId}")
    Uni<Response> member(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId);

    @PATCH
    @Path("/organizations/{id}/members/{userId}")
    Uni<Response> changeRole(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> role);

    @DELETE
    @Path("/organizations/{id}/members/{userId}")
    Uni<Response> remove(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId);

    @GET
    @Path("/users/me/organizations/{id}")
    Uni<Response> myAccess(@PathParam("id") UUID organizationId);

    @GET
    @Path("/organizations/{id}/members/{userId}/products")
    Uni<Response> productPermissions(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId);

    @PUT
    @Path("/organizations/{id}/members/{userId}/products/{productId}/permissions")
    Uni<Response> grantProductPermissions(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId,
            @PathParam("productId") String productId, Map<String, Object> permissions);

    @GET
    @Path("/organizations/{id}/teams")
    Uni<Response> teams(@PathParam("id") UUID organizationId);

    @POST
    @Path("/organizations/{id}/teams")
    Uni<Response> createTeam(@PathParam("id") UUID organizationId, Map<String, Object> team);

    @GET
    @Path("/organizations/{id}/teams/{teamId}")
    Uni<Response> team(@PathParam("id") UUID organizationId, @PathParam("teamId") UUID teamId);

    @PATCH
    @Path("/organizations/{id}/teams/{teamId}")
    Uni<Response> renameTeam(@PathParam("id") UUID organizationId, @PathParam("teamId") UUID teamId,
            @HeaderParam("If-Match") String ifMatch, Map<String, Object> team);

    @DELETE
    @Path("/organizations/{id}/teams/{teamId}")
    Uni<Response> deleteTeam(@PathParam("id") UUID organizationId, @PathParam("teamId") UUID teamId);

    @GET
    @Path("/organizations/{id}/teams/{teamId}/members")
    Uni<Response> teamMembers(@PathParam("id") UUID organizationId, @PathParam("teamId") UUID teamId);

    @PUT
    @Path("/organizations/{id}/teams/{teamId}/members/{userId}")
    Uni<Response> putTeamMember(@PathParam("id") UUID organizationId, @PathParam("teamId") UUID teamId,
            @PathParam("userId") UUID userId, Map<String, Object> teamRole);

    @DELETE
    @Path("/organizations/{id}/teams/{teamId}/members/{userId}")
    Uni<Response> removeTeamMember(@PathParam("id") UUID organizationId, @PathParam("teamId") UUID teamId,
            @PathParam("userId") UUID userId);

    @GET
    @Path("/organizations/{id}/api-keys")
    Uni<Response> apiKeys(@PathParam("id") UUID organizationId, @QueryParam("limit") int limit);

    @POST
    @Path("/organizations/{id}/api-keys")
    Uni<Response> createApiKey(@PathParam("id") UUID organizationId, Map<String, Object> key);

    @POST
    @Path("/organizations/{id}/api-keys/{keyId}/rotate")
    Uni<Response> rotateApiKey(@PathParam("id") UUID organizationId, @PathParam("keyId") UUID keyId);

    @DELETE
    @Path("/organizations/{id}/api-keys/{keyId}")
    Uni<Response> revokeApiKey(@PathParam("id") UUID organizationId, @PathParam("keyId") UUID keyId);

    @GET
    @Path("/organizations/{id}/audit")
    Uni<Response> audit(@PathParam("id") UUID organizationId, @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/organizations/{id}/suspensions")
    Uni<Response> suspensions(@PathParam("id") UUID organizationId);

    @POST
    @Path("/organizations/{id}/members/{userId}/transfer")
    Uni<Response> transferMember(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId, Map<String, Object> transfer);

    @POST
    @Path("/organizations/{id}/suspensions")
    Uni<Response> suspend(@PathParam("id") UUID organizationId, Map<String, Object> suspension);

    @DELETE
    @Path("/organizations/{id}/suspensions/{userId}")
    Uni<Response> reactivate(@PathParam("id") UUID organizationId, @PathParam("userId") UUID userId);

    @POST
    @Path("/users/{userId}/suspension")
    Uni<Response> suspendAccount(@PathParam("userId") UUID userId, Map<String, Object> suspension);

    @DELETE
    @Path("/users/{userId}/suspension")
    Uni<Response> reactivateAccount(@PathParam("userId") UUID userId);

    @GET
    @Path("/users/{userId}/sessions")
    Uni<Response> sessions(@PathParam("userId") String userId);

    @DELETE
    @Path("/users/{userId}/sessions/{sessionId}")
    Uni<Response> endSession(@PathParam("userId") String userId, @PathParam("sessionId") String sessionId);
}
