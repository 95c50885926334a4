package dev.orgplatform.user.notification;

/** What a notification is about; a person chooses the channels of each. */
public enum NotificationCategory {
    /** The person's own account: suspended or reactivated, a new API key of theirs. */
    SECURITY,
    /** Memberships and invitations: joined, role changed, moved, removed. */
    MEMBERSHIP,
    /** Billing and usage alerts of the organizations whose billing they manage. */
    BILLING,
    /** Deployments and other news of the services built on the platform. */
    DEPLOYMENTS
}
