package dev.orgplatform.user.audit.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.QueryParams;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.audit.mapping.AuditMapper;
import dev.orgplatform.user.audit.service.AuditLog;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The audit log, read-only: Owners and Admins see their organization's entries, everyone their own. */
@Path("/api/v1")
@Authenticated
@Tag(name = "Audit log")
public class AuditResource {

    private final AuditLog audit;
    private final AccessGate gate;
    private final Caller caller;
    private final ObjectMapper json;

    public AuditResource(AuditLog audit, AccessGate gate, Caller caller, ObjectMapper json) {
        this.audit = audit;
        this.gate = gate;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Path("/organizations/{organizationId}/audit")
    public Uni<Page<AuditEntryResponse>> organization(@PathParam("organizationId") UUID organizationId,
            @QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        AuditLog.Filter filter = new AuditLog.Filter(organizationId, QueryParams.text(actor), QueryParams.text(action),
                instant("from", from), instant("to", to));
        int size = Cursor.limit(limit, 50, 500);
        return gate.require("audit:read", organizationId).chain(() -> audit.query(filter, size, cursor))
                .map(page -> page.map(e -> AuditMapper.toResponse(e, json)));
    }

    @GET
    @Path("/users/me/audit")
    public Uni<Page<AuditEntryResponse>> mine(@QueryParam("action") String action, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        AuditLog.Filter filter = new AuditLog.Filter(null, caller.userId().toString(), QueryParams.text(action),
                instant("from", from), instant("to", to));
        return audit.query(filter, Cursor.limit(limit, 50, 500), cursor).map(page -> page.map(e -> AuditMapper.toResponse(e, json)));
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
