package dev.orgplatform.user.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orgplatform.user.notification.NotificationCategory;
import dev.orgplatform.user.notification.NotificationChannel;

/** A notification in the caller's feed ({@code readAt} null: unread) and how it went out on the other channels. */
public record NotificationResponse(UUID id, NotificationCategory category, UUID organizationId, String title, String body,
        Instant createdAt, Instant readAt, List<Delivery> deliveries) {

    /** {@code sentAt} null: not gone out yet ({@code attempts} so far, {@code lastError} why not). */
    public record Delivery(NotificationChannel channel, Instant sentAt, int attempts, String lastError) {
    }
}
