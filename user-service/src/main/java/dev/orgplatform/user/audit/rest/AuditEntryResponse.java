package dev.orgplatform.user.audit.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code data}: the event's own data, its fields those of the event type named in {@code action}. */
public record AuditEntryResponse(long id, Instant occurredAt, String action, String actorId, UUID organizationId, String target,
        String source, String sourceAddress,
        @Schema(description = "the event's data; its fields are those of the event type named in action") JsonNode data) {
}
