package dev.orgplatform.user.sso.rest;

import java.time.Instant;
import java.util.UUID;

/** A claimed domain; to verify it, publish a TXT record {@code recordName} with the text {@code recordValue}, then ask to verify. */
public record DomainResponse(UUID id, UUID organizationId, String domain, String state, String recordName, String recordValue,
        Instant verifiedAt, Instant checkedAt, String checkFailure) {
}
