package dev.orgplatform.user.notification.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.notification.NotificationCategory;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What the services built on the platform tell an organization's members (a deployment started, finished, failed):
 * the {@link NotificationCategory#DEPLOYMENTS} category, to each on the channels they chose for it. The platform's
 * own categories are told only from its events. One key tells nobody twice.
 */
@ApplicationScoped
public class Announcements {

    /** What to tell: to members holding one of {@code roles} (empty: all), once per {@code key}. */
    public record Announcement(UUID organizationId, NotificationCategory category, String title, String body, Set<Role> roles,
            String key) {
    }

    private final NotificationRecipients recipients;
    private final NotificationService notifications;
    private final Outbox outbox;

    public Announcements(NotificationRecipients recipients, NotificationService notifications, Outbox outbox) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.outbox = outbox;
    }

    /** Emits how many members were told (those who silenced the category are not). */
    public Uni<Integer> announce(Announcement a) {
        if (a.category() != NotificationCategory.DEPLOYMENTS) {
            throw ProblemException.badField("category", "must be DEPLOYMENTS: the platform tells its own categories from its events");
        }
        return recipients.members(a.organizationId(), a.roles()).chain(members -> record(a, members));
    }

    @WithTransaction
    Uni<Integer> record(Announcement a, List<UUID> members) {
        String source = "posted/" + a.organizationId() + "/" + (a.key() == null ? UUID.randomUUID() : a.key());
        return notifications.record(new Notice(members, a.category(), a.organizationId(), a.title(), a.body(), source))
                .call(told -> outbox.publish(MembershipEvents.TOPIC, EventTypes.NOTIFICATION_POSTED, a.organizationId(),
                        "organizations/" + a.organizationId() + "/notifications",
                        new MembershipEvents.NotificationPosted(a.organizationId(), a.category().name(), a.title(),
                                a.roles() == null ? List.of() : a.roles().stream().map(Enum::name).sorted().toList(), told)));
    }
}
