package dev.orgplatform.user.notification.mapping;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orgplatform.user.notification.NotificationCategory;
import dev.orgplatform.user.notification.NotificationChannel;
import dev.orgplatform.user.notification.NotificationPreferences;
import dev.orgplatform.user.notification.rest.NotificationPreferencesRequest;
import dev.orgplatform.user.notification.rest.NotificationPreferencesResponse;
import dev.orgplatform.user.notification.rest.NotificationResponse;
import dev.orgplatform.user.notification.service.NotificationPreferencesService.PreferencesChange;
import dev.orgplatform.user.notification.service.NotificationService.Told;

/** Notifications and preferences between their REST shapes and the service's. */
public final class NotificationMapper {

    private NotificationMapper() {
    }

    public static NotificationResponse toResponse(Told told) {
        var n = told.notification();
        return new NotificationResponse(n.id, n.category, n.organizationId, n.title, n.body, n.createdAt, n.readAt,
                told.deliveries().stream().map(d -> new NotificationResponse.Delivery(d.channel, d.sentAt, d.attempts, d.lastError)).toList());
    }

    public static NotificationPreferencesResponse toResponse(NotificationPreferences p) {
        return new NotificationPreferencesResponse(new TreeMap<>(p.channels()), p.phone(), p.webhookUrl(),
                List.of(NotificationCategory.values()), List.of(NotificationChannel.values()));
    }

    public static PreferencesChange toChange(NotificationPreferencesRequest r) {
        return new PreferencesChange(r.channels() == null ? Map.of() : r.channels(), r.phone(), r.webhookUrl());
    }
}
