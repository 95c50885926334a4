package dev.orgplatform.platform.security;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** user-service's API key verification; only the hash of the key travels. */
@RegisterRestClient(configKey = "user-service")
@OidcClientFilter
@Path("/api/v1/api-keys")
public interface ApiKeyApi {

    record VerifyRequest(String secretHash) {
    }

    /** 200 with the grant, 404 when the key is not valid. */
    @POST
    @Path("/verify")
    Uni<ApiKeyGrant> verify(VerifyRequest request);
}
