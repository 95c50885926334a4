package dev.orgplatform.user.rest;

import java.time.Instant;
import java.util.UUID;

import dev.orgplatform.user.UserStatus;

public record ProfileResponse(UUID id, String email, String name, String avatarUrl, String timezone, String language,
        UserStatus status, String statusReason, Instant createdAt, Instant lastLoginAt) {
}
