package dev.orgplatform.user.membership.rest;

import java.time.Instant;
import java.util.UUID;

import dev.orgplatform.user.membership.UiPreferences;
import dev.orgplatform.user.membership.UserStatus;

public record ProfileResponse(UUID id, String email, String name, String avatarUrl, String timezone, String language,
        UiPreferences preferences, UserStatus status, String statusReason, Instant createdAt, Instant lastLoginAt) {
}
