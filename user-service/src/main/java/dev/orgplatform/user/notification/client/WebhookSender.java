package dev.orgplatform.user.notification.client;

/**
 * Calls to a person's webhook. A deployment plugs in its own by declaring a bean of this type; without one,
 * {@link LoggingWebhookSender} writes each call to the log.
 */
public interface WebhookSender extends ChannelSender {
}
