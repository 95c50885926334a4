package dev.orgplatform.user.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.notification.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Records it unless this person was already told about this event: emits whether it was recorded. */
    public Uni<Boolean> insertIfAbsent(Notification n) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into notification (id, user_id, organization_id, category, title, body, source_event, in_app, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (user_id, source_event) do nothing""")
                .setParameter(1, n.id).setParameter(2, n.userId).setParameter(3, n.organizationId).setParameter(4, n.category.name())
                .setParameter(5, n.title).setParameter(6, n.body).setParameter(7, n.sourceEvent).setParameter(8, n.inApp)
                .setParameter(9, n.createdAt).executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** Up to {@code rows} of the person's feed, newest first, before ({@code beforeAt}, {@code beforeId}) when set. */
    public Uni<List<Notification>> feed(UUID userId, boolean unreadOnly, Instant beforeAt, UUID beforeId, int rows) {
        StringBuilder where = new StringBuilder("userId = :user and inApp = true");
        Parameters p = Parameters.with("user", userId);
        if (unreadOnly) {
            where.append(" and readAt is null");
        }
        if (beforeAt != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            p.and("at", beforeAt).and("id", beforeId);
        }
        return find(where + " order by createdAt desc, id desc", p).range(0, rows - 1).list();
    }

    public Uni<Long> unread(UUID userId) {
        return count("userId = ?1 and inApp = true and readAt is null", userId);
    }

    /** Marks one of the person's notifications read (again: harmless); emits whether it is theirs. */
    public Uni<Boolean> markRead(UUID userId, UUID id, Instant now) {
        return update("readAt = coalesce(readAt, ?1) where id = ?2 and userId = ?3 and inApp = true", now, id, userId).map(n -> n > 0);
    }

    public Uni<Integer> markAllRead(UUID userId, Instant now) {
        return update("readAt = ?1 where userId = ?2 and inApp = true and readAt is null", now, userId);
    }
}
