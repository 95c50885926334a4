package dev.orgplatform.user.notification.rest;

import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Size;

import dev.orgplatform.user.notification.NotificationCategory;
import dev.orgplatform.user.notification.NotificationChannel;

/**
 * The categories to change, each with the channels wanted (empty: none); a phone number (E.164) for SMS and an https
 * address for the webhook (absent: keep; empty: remove).
 */
public record NotificationPreferencesRequest(@Size(max = 4) Map<NotificationCategory, @Size(max = 4) Set<NotificationChannel>> channels,
        @Size(max = 16) String phone, @Size(max = 2000) String webhookUrl) {
}
