package dev.orgplatform.user.audit.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

public record AuditEntryResponse(long id, Instant occurredAt, String action, String actorId, UUID organizationId, String target,
        String source, String sourceAddress, JsonNode data) {
}
