package dev.orgplatform.user.membership;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.orgplatform.user.notification.NotificationPreferences;

/** The profile of a Keycloak identity; the id is the Keycloak user id (token subject). */
@Entity
@Table(name = "user_profile")
public class UserProfile {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    public String email;

    public String name;

    @Column(name = "avatar_url")
    public String avatarUrl;

    /** An IANA zone id, e.g. Europe/Berlin. */
    public String timezone;

    /** A BCP 47 language tag, e.g. en-GB. */
    public String language;

    @Convert(converter = UiPreferences.Column.class)
    @Column(name = "ui_preferences")
    public UiPreferences preferences = UiPreferences.DEFAULTS;

    @Convert(converter = NotificationPreferences.Column.class)
    @Column(name = "notification_preferences")
    public NotificationPreferences notificationPreferences = NotificationPreferences.DEFAULTS;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UserStatus status;

    /** Why an admin suspended the user (null while active). */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    @Version
    public long version;
}
