package dev.orgplatform.user.notification.service;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.user.notification.NotificationCategory;

/**
 * What to tell whom: one notice from one event ({@code sourceEvent}: telling twice is impossible), to each of
 * {@code recipients} on the channels they chose for its category.
 */
public record Notice(List<UUID> recipients, NotificationCategory category, UUID organizationId, String title, String body,
        String sourceEvent) {
}
