package dev.orgplatform.invitation.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orgplatform.invitation.service.TooManyAttemptsException;
import dev.orgplatform.platform.problem.Problem;

/** 429 as a problem, with Retry-After saying when the client may try again. */
public class TooManyAttemptsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyAttemptsException e, UriInfo uri) {
        Problem p = new Problem(Problem.type(429), "Too many attempts", 429, e.getMessage(),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), List.of(), Map.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds()).entity(p).build();
    }
}
