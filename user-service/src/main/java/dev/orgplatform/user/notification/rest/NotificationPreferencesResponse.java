package dev.orgplatform.user.notification.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.orgplatform.user.notification.NotificationCategory;
import dev.orgplatform.user.notification.NotificationChannel;

/** The caller's channels per category, where SMS and the webhook reach them, and what may be chosen. */
public record NotificationPreferencesResponse(Map<NotificationCategory, Set<NotificationChannel>> channels, String phone, String webhookUrl,
        List<NotificationCategory> categories, List<NotificationChannel> channelsOffered) {
}
