package dev.orgplatform.user.notification.client;

import dev.orgplatform.user.notification.Notification;
import io.smallrye.mutiny.Uni;

/** Sends one notification to one address on one channel; a failure is retried by the delivery job. */
public interface ChannelSender {

    Uni<Void> send(String address, Notification notification);
}
