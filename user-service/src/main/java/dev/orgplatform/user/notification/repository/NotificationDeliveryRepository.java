package dev.orgplatform.user.notification.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.notification.NotificationDelivery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationDeliveryRepository implements PanacheRepositoryBase<NotificationDelivery, UUID> {

    /** The oldest unsent deliveries, locked, skipping those another replica is sending. */
    public Uni<List<NotificationDelivery>> pending(int max, int maxAttempts) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from notification_delivery where sent_at is null "
                + "and attempts < ?2 order by created_at limit ?1 for update skip locked", NotificationDelivery.class)
                .setParameter(1, max).setParameter(2, maxAttempts).getResultList());
    }

    public Uni<List<NotificationDelivery>> ofNotifications(Collection<UUID> notificationIds) {
        return notificationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("notificationId in ?1 order by channel", notificationIds);
    }
}
