package dev.orgplatform.invitation.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** org-service's branding of an organization (what holds for it), called with invitation-service's client-credentials token. */
@RegisterRestClient(configKey = "org-service")
@OidcClientFilter
@Path("/api/v1/organizations/{organizationId}/branding")
public interface BrandingApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Branding(String displayName, Effective effective) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Effective(String primaryColor, String mailDisplayName, Logo logo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Logo(String mediaType, String sha256) {
    }

    @GET
    Uni<Branding> branding(@PathParam("organizationId") UUID organizationId);

    @GET
    @Path("/logo")
    @Produces({"image/png", "image/jpeg", "image/svg+xml"})
    Uni<byte[]> logo(@PathParam("organizationId") UUID organizationId);
}
