package dev.orgplatform.user.notification.client;

/**
 * Text messages to a phone number. A deployment plugs in its provider by declaring a bean of this type; without one,
 * {@link LoggingSmsSender} writes each message to the log.
 */
public interface SmsSender extends ChannelSender {
}
