package dev.orgplatform.user.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something a person is told, once per event that caused it; shown in their feed when they chose the in-app channel. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** The organization it is about, if any. */
    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationCategory category;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** The event that caused it ({@code ce_id}): a redelivered event tells nobody twice. */
    @Column(name = "source_event", nullable = false)
    public String sourceEvent;

    @Column(name = "in_app", nullable = false)
    public boolean inApp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null: unread. */
    @Column(name = "read_at")
    public Instant readAt;
}
