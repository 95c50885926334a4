package dev.orgplatform.user.notification.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.user.membership.UserProfile;
import dev.orgplatform.user.membership.repository.UserProfileRepository;
import dev.orgplatform.user.notification.Notification;
import dev.orgplatform.user.notification.NotificationChannel;
import dev.orgplatform.user.notification.NotificationDelivery;
import dev.orgplatform.user.notification.repository.NotificationDeliveryRepository;
import dev.orgplatform.user.notification.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tells people what happened, each on the channels they chose for its category: the feed (a notification they read
 * in the console or the API), and email, SMS or their webhook (a delivery sent after the commit by
 * {@link NotificationDeliveryJob}). Someone who chose no channel for a category is told nothing.
 */
@ApplicationScoped
public class NotificationService {

    /** A notification in the feed with how it went out on the other channels. */
    public record Told(Notification notification, List<NotificationDelivery> deliveries) {
    }

    private final NotificationRepository notifications;
    private final NotificationDeliveryRepository deliveries;
    private final UserProfileRepository profiles;
    private final PlatformClock clock;

    public NotificationService(NotificationRepository notifications, NotificationDeliveryRepository deliveries,
            UserProfileRepository profiles, PlatformClock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Records the notice for each recipient once (a redelivered event adds nothing); emits how many were told. */
    @WithTransaction
    public Uni<Integer> tell(Notice notice) {
        return record(notice);
    }

    /** {@link #tell}, inside the caller's transaction. */
    Uni<Integer> record(Notice notice) {
        if (notice.recipients().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return profiles.list("id in ?1", notice.recipients()).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(profile -> tellOne(notice, profile))
                .collect().asList().map(told -> (int) told.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> tellOne(Notice notice, UserProfile profile) {
        Set<NotificationChannel> channels = profile.notificationPreferences.channelsFor(notice.category());
        if (channels.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.userId = profile.id;
        n.organizationId = notice.organizationId();
        n.category = notice.category();
        n.title = notice.title();
        n.body = notice.body();
        n.sourceEvent = notice.sourceEvent();
        n.inApp = channels.contains(NotificationChannel.IN_APP);
        n.createdAt = clock.now();
        return notifications.insertIfAbsent(n).call(inserted -> !inserted ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(channels).filter(c -> c != NotificationChannel.IN_APP)
                        .onItem().transformToUniAndConcatenate(c -> delivery(n, c, address(profile, c)))
                        .collect().asList().replaceWithVoid());
    }

    private Uni<NotificationDelivery> delivery(Notification n, NotificationChannel channel, String address) {
        NotificationDelivery d = new NotificationDelivery();
        d.id = UUID.randomUUID();
        d.notificationId = n.id;
        d.channel = channel;
        d.address = address;
        d.createdAt = n.createdAt;
        return deliveries.persist(d);
    }

    private static String address(UserProfile profile, NotificationChannel channel) {
        return switch (channel) {
            case EMAIL -> profile.email;
            case SMS -> profile.notificationPreferences.phone();
            case WEBHOOK -> profile.notificationPreferences.webhookUrl();
            case IN_APP -> throw new IllegalArgumentException("the feed is no delivery");
        };
    }

    /** The person's feed, newest first, with each notification's deliveries. */
    @WithSession
    public Uni<Page<Told>> feed(UUID userId, boolean unreadOnly, int limit, String cursor) {
        Cursor.TimeAndId before = Cursor.decodeTimeAndId(cursor);
        return notifications.feed(userId, unreadOnly, before == null ? null : before.at(), before == null ? null : before.id(), limit + 1)
                .chain(rows -> deliveries.ofNotifications(rows.stream().map(n -> n.id).toList()).map(sent -> {
                    Map<UUID, List<NotificationDelivery>> byNotification = sent.stream()
                            .collect(Collectors.groupingBy(d -> d.notificationId));
                    return Page.of(rows.stream().map(n -> new Told(n, byNotification.getOrDefault(n.id, List.of()))).toList(), limit,
                            t -> Cursor.encode(t.notification().createdAt, t.notification().id));
                }));
    }

    @WithSession
    public Uni<Long> unread(UUID userId) {
        return notifications.unread(userId);
    }

    /** Marks one of the person's notifications read; 404 when it is not theirs (or not in their feed). */
    @WithTransaction
    public Uni<Void> markRead(UUID userId, UUID id) {
        return notifications.markRead(userId, id, clock.now()).invoke(found -> {
            if (!found) {
                throw ProblemException.notFound("notification " + id);
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Integer> markAllRead(UUID userId) {
        return notifications.markAllRead(userId, clock.now());
    }
}
