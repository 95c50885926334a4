package dev.orgplatform.user.audit.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.orgplatform.user.audit.AuditEntry;
import dev.orgplatform.user.audit.rest.AuditEntryResponse;

public final class AuditMapper {

    private AuditMapper() {
    }

    public static AuditEntryResponse toResponse(AuditEntry e, ObjectMapper json) {
        JsonNode data;
        try {
            data = json.readTree(e.data);
        } catch (JsonProcessingException ex) {
            data = TextNode.valueOf(e.data);
        }
        return new AuditEntryResponse(e.id, e.occurredAt, e.action, e.actorId, e.organizationId, e.target, e.source, e.sourceAddress, data);
    }
}
