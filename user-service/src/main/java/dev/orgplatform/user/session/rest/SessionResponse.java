package dev.orgplatform.user.session.rest;

import java.time.Instant;
import java.util.List;

public record SessionResponse(String id, String ipAddress, Instant startedAt, Instant lastAccessAt, List<String> clients) {
}
