package dev.orgplatform.user.notification.messaging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.MemberTransfer;
import dev.orgplatform.platform.events.UsageThresholdCrossed;
import dev.orgplatform.user.apikey.messaging.ApiKeyEvents;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.notification.NotificationCategory;
import dev.orgplatform.user.notification.service.Notice;
import dev.orgplatform.user.notification.service.NotificationRecipients;
import dev.orgplatform.user.notification.service.NotificationService;
import dev.orgplatform.user.notification.service.OrganizationNames;
import io.smallrye.mutiny.Uni;

/**
 * The events people are told about, each turned into one notice: their memberships (joined, role changed, moved in,
 * removed), their account's security (suspended or reactivated, here or everywhere; a new API key), and usage alerts
 * of the organizations whose billing they manage. Every other event says nothing to anyone.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    private final NotificationService notifications;
    private final NotificationRecipients recipients;
    private final ObjectMapper json;
    private final EventHandling handling;
    private final OrganizationNames names;

    public NotificationEventsConsumer(NotificationService notifications, NotificationRecipients recipients, ObjectMapper json,
            EventHandling handling, OrganizationNames names) {
        this.names = names;
        this.notifications = notifications;
        this.recipients = recipients;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("notifications")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        Uni<Notice> notice = notice(event);
        return notice == null ? Uni.createFrom().voidItem()
                : handling.withRetries(event, () -> notice.chain(n -> n == null ? Uni.createFrom().item(0) : notifications.tell(n)));
    }

    private Uni<Notice> notice(InboundEvent e) {
        return switch (e.type()) {
            case EventTypes.MEMBERSHIP_GRANTED -> {
                var granted = e.data(json, MembershipEvents.MembershipGranted.class);
                yield "OWNER".equals(granted.role()) ? null // whoever creates an organization knows
                        : one(granted.userId(), NotificationCategory.MEMBERSHIP, granted.organizationId(), "You joined an organization",
                                e.id(), List.of(granted.organizationId()),
                                n -> "You are now a " + granted.role() + " of " + n.apply(granted.organizationId()) + ".");
            }
            case EventTypes.MEMBERSHIP_ROLE_CHANGED -> {
                var changed = e.data(json, MembershipEvents.MembershipRoleChanged.class);
                yield one(changed.userId(), NotificationCategory.MEMBERSHIP, changed.organizationId(), "Your role changed", e.id(),
                        List.of(changed.organizationId()), n -> "Your role in " + n.apply(changed.organizationId()) + " changed from "
                                + changed.previousRole() + " to " + changed.role() + ".");
            }
            case MemberTransfer.IN -> {
                var moved = e.data(json, MemberTransfer.class);
                yield one(moved.userId(), NotificationCategory.MEMBERSHIP, moved.toOrganizationId(), "You were moved to another organization",
                        e.id(), List.of(moved.fromOrganizationId(), moved.toOrganizationId()), n -> "You were moved from "
                                + n.apply(moved.fromOrganizationId()) + " to " + n.apply(moved.toOrganizationId()) + ", where you are a "
                                + moved.role() + ".");
            }
            case EventTypes.MEMBERSHIP_REVOKED -> {
                var revoked = e.data(json, MembershipEvents.MembershipRevoked.class);
                yield one(revoked.userId(), NotificationCategory.MEMBERSHIP, revoked.organizationId(), "You were removed from an organization",
                        e.id(), List.of(revoked.organizationId()), n -> "You are no longer a member of " + n.apply(revoked.organizationId()) + ".");
            }
            case EventTypes.USER_SUSPENDED -> {
                var suspended = e.data(json, MembershipEvents.UserSuspended.class);
                // told once per organization the user is in: one notice per suspension, whichever copy comes first
                yield one(suspended.userId(), NotificationCategory.SECURITY, null, "Your account was suspended",
                        "UserSuspended/" + suspended.userId() + "/" + suspended.version(), List.of(),
                        n -> "Your account was suspended: " + suspended.reason() + ". You cannot sign in until it is reactivated.");
            }
            case EventTypes.USER_REACTIVATED -> {
                var reactivated = e.data(json, MembershipEvents.UserReactivated.class);
                yield one(reactivated.userId(), NotificationCategory.SECURITY, null, "Your account was reactivated",
                        "UserReactivated/" + reactivated.userId() + "/" + reactivated.version(), List.of(),
                        n -> "Your account was reactivated: you can sign in again.");
            }
            case EventTypes.MEMBER_SUSPENDED -> {
                var suspended = e.data(json, MembershipEvents.MemberSuspended.class);
                // published for the deciding organization and each beneath it: told once, for the decision
                yield !suspended.suspendedIn().equals(suspended.organizationId()) ? null
                        : one(suspended.userId(), NotificationCategory.SECURITY, suspended.suspendedIn(), "You were suspended in an organization",
                                e.id(), List.of(suspended.suspendedIn()), n -> "You were suspended in " + n.apply(suspended.suspendedIn())
                                        + " and those beneath it: " + suspended.reason() + ".");
            }
            case EventTypes.API_KEY_CREATED -> {
                var created = e.data(json, ApiKeyEvents.ApiKeyCreated.class);
                yield one(created.userId(), NotificationCategory.SECURITY, created.organizationId(), "A new API key was created", e.id(),
                        List.of(created.organizationId()), n -> "An API key named \"" + created.name() + "\" was created for you in "
                                + n.apply(created.organizationId()) + " with the scopes " + created.scopes()
                                + ". If this was not you, revoke it and tell an Admin.");
            }
            case UsageThresholdCrossed.TYPE -> {
                var alert = e.data(json, UsageThresholdCrossed.class);
                yield recipients.billingManagers(alert.organizationId()).chain(managers -> names.of(List.of(alert.organizationId()))
                        .map(n -> new Notice(managers, NotificationCategory.BILLING, alert.organizationId(), "Usage alert: "
                                + alert.resource() + " at " + alert.thresholdPercent() + "%", n.apply(alert.organizationId())
                                + " and its sub-organizations use " + alert.used() + " of their " + alert.limit() + " " + alert.resource()
                                + ". Raise the limit or change the plan before it blocks new ones.", e.id())));
            }
            default -> null;
        };
    }

    /** One person told; {@code body} names the organizations in {@code named} as {@link OrganizationNames} does. */
    private Uni<Notice> one(UUID userId, NotificationCategory category, UUID organizationId, String title, String sourceEvent,
            List<UUID> named, Function<Function<UUID, String>, String> body) {
        return names.of(named).map(n -> new Notice(List.of(userId), category, organizationId, title, body.apply(n), sourceEvent));
    }
}
