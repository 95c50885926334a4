package dev.orgplatform.user.notification;

/** Where a notification goes: the person's email, their in-app feed, a text message, their webhook. */
public enum NotificationChannel {
    EMAIL, IN_APP, SMS, WEBHOOK
}
