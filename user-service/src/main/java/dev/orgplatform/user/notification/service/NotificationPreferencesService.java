package dev.orgplatform.user.notification.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.repository.UserProfileRepository;
import dev.orgplatform.user.notification.NotificationCategory;
import dev.orgplatform.user.notification.NotificationChannel;
import dev.orgplatform.user.notification.NotificationPreferences;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A person's notification preferences: read, and changed category by category (NotificationPreferencesChanged). */
@ApplicationScoped
public class NotificationPreferencesService {

    /** A change: the categories named (their channels replaced), and a phone or webhook address (null: keep; "": remove). */
    public record PreferencesChange(Map<NotificationCategory, Set<NotificationChannel>> channels, String phone, String webhookUrl) {
    }

    private final UserProfileRepository profiles;
    private final Outbox outbox;

    public NotificationPreferencesService(UserProfileRepository profiles, Outbox outbox) {
        this.profiles = profiles;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<NotificationPreferences> of(UUID userId) {
        return profiles.findById(userId).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + userId))
                .map(p -> p.notificationPreferences);
    }

    @WithTransaction
    public Uni<NotificationPreferences> change(UUID userId, PreferencesChange change) {
        return profiles.findById(userId).onItem().ifNull().failWith(() -> ProblemException.notFound("user " + userId)).chain(p -> {
            p.notificationPreferences = NotificationPreferences.change(change.channels(), p.notificationPreferences, change.phone(),
                    change.webhookUrl());
            NotificationPreferences now = p.notificationPreferences;
            Map<String, java.util.List<String>> channels = new TreeMap<>();
            now.channels().forEach((category, chosen) -> channels.put(category.name(), chosen.stream().map(Enum::name).sorted().toList()));
            return profiles.flush().chain(() -> outbox.publish(MembershipEvents.TOPIC, EventTypes.NOTIFICATION_PREFERENCES_CHANGED,
                    userId, "users/" + userId, new MembershipEvents.NotificationPreferencesChanged(userId, channels, now.phone() != null,
                            now.webhookUrl() != null)))
                    .replaceWith(now);
        });
    }
}
