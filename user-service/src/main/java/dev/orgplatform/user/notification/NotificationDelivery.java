package dev.orgplatform.user.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A notification still to go out (or gone out) on one channel beyond the feed, to the address the person had then.
 * Sent after the notification committed, retried until it leaves: an outage delays it and loses none.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationChannel channel;

    /** An email address, a phone number or a webhook address. */
    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
