package dev.orgplatform.user.notification.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import dev.orgplatform.user.notification.NotificationDelivery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationDeliveryRepository implements PanacheRepositoryBase<NotificationDelivery, UUID> {

    /** The oldest unsent deliveries, locked, skipping those another replica is sending. */
    public Uni<List<NotificationDelivery>> pending(int max, int maxAttempts) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from NotificationDelivery where sentAt is null "
                + "and attempts < ?1 order by createdAt", NotificationDelivery.class).setParameter(1, maxAttempts)
                .setMaxResults(max).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList());
    }

    public Uni<List<NotificationDelivery>> ofNotifications(Collection<UUID> notificationIds) {
        return notificationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("notificationId in ?1 order by channel", notificationIds);
    }
}
