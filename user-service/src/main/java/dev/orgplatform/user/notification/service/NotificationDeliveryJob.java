package dev.orgplatform.user.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.user.notification.NotificationChannel;
import dev.orgplatform.user.notification.NotificationDelivery;
import dev.orgplatform.user.notification.client.ChannelSender;
import dev.orgplatform.user.notification.client.EmailSender;
import dev.orgplatform.user.notification.client.SmsSender;
import dev.orgplatform.user.notification.client.WebhookSender;
import dev.orgplatform.user.notification.repository.NotificationDeliveryRepository;
import dev.orgplatform.user.notification.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends what the notifications committed to send, on every replica at once without sending anything twice (each
 * takes the rows it locks, skipping those another holds). A delivery is marked sent once its channel took it; a
 * failure is kept with its reason and retried at the next run, up to {@value #MAX_ATTEMPTS} attempts.
 */
@ApplicationScoped
public class NotificationDeliveryJob {

    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(NotificationDeliveryJob.class);

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final EmailSender email;
    private final SmsSender sms;
    private final WebhookSender webhook;
    private final PlatformClock clock;

    public NotificationDeliveryJob(NotificationDeliveryRepository deliveries, NotificationRepository notifications, EmailSender email,
            SmsSender sms, WebhookSender webhook, PlatformClock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.email = email;
        this.sms = sms;
        this.webhook = webhook;
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.delivery-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendPending().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("notification deliveries will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Sends one batch; emits how many were handled. One refused delivery does not hold up the others. */
    @WithTransaction
    public Uni<Integer> sendPending() {
        return deliveries.pending(BATCH, MAX_ATTEMPTS).chain(pending -> Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().asList().map(List::size));
    }

    private Uni<Void> send(NotificationDelivery d) {
        return notifications.findById(d.notificationId).chain(n -> {
            Context context = Vertx.currentContext();
            d.attempts++;
            return sender(d.channel).send(d.address, n)
                    .emitOn(command -> context.runOnContext(ignored -> command.run())) // back on the session's context
                    .invoke(() -> d.sentAt = clock.now())
                    .onFailure().invoke(e -> {
                        d.lastError = truncated(e.toString());
                        LOG.warnf("%s notification to %s failed (attempt %d): %s", d.channel, d.address, d.attempts, e.toString());
                    })
                    .onFailure().recoverWithNull();
        });
    }

    private ChannelSender sender(NotificationChannel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> sms;
            case WEBHOOK -> webhook;
            case IN_APP -> throw new IllegalStateException("the feed is no delivery");
        };
    }

    private static String truncated(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }
}
