package dev.orgplatform.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: its JSON body (null when empty) and its ETag, if any. */
public record Reply(int status, JsonNode body, String etag) {
}
