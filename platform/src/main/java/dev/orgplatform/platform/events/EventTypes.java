package dev.orgplatform.platform.events;

/**
 * Every event type the services publish, as the {@code ce_type} of its record: producers and consumers name them
 * from here, never as text of their own.
 */
public final class EventTypes {

    public static final String ALERT_THRESHOLDS_CHANGED = "AlertThresholdsChanged";
    public static final String API_KEY_CREATED = "ApiKeyCreated";
    public static final String API_KEY_REVOKED = "ApiKeyRevoked";
    public static final String API_KEY_ROTATED = "ApiKeyRotated";
    public static final String BALANCE_CHANGED = "BalanceChanged";
    public static final String BILLING_ACCOUNT_OPENED = "BillingAccountOpened";
    public static final String BILLING_SETTINGS_CHANGED = "BillingSettingsChanged";
    public static final String DOMAIN_CLAIMED = "DomainClaimed";
    public static final String DOMAIN_REMOVED = "DomainRemoved";
    public static final String DOMAIN_VERIFICATION_FAILED = "DomainVerificationFailed";
    public static final String DOMAIN_VERIFIED = "DomainVerified";
    public static final String INVITATION_ACCEPTED = "InvitationAccepted";
    public static final String INVITATION_CREATED = "InvitationCreated";
    public static final String INVITATION_EXPIRED = "InvitationExpired";
    public static final String INVITATION_RESENT = "InvitationResent";
    public static final String INVITATION_REVOKED = "InvitationRevoked";
    public static final String LIMIT_CHANGED = "LimitChanged";
    public static final String MEMBER_JOINED_THROUGH_SSO = "MemberJoinedThroughSso";
    public static final String MEMBER_REACTIVATED = "MemberReactivated";
    public static final String MEMBER_SUSPENDED = "MemberSuspended";
    public static final String MEMBERSHIP_GRANTED = "MembershipGranted";
    public static final String MEMBERSHIP_REVOKED = "MembershipRevoked";
    public static final String MEMBERSHIP_ROLE_CHANGED = "MembershipRoleChanged";
    public static final String NOTIFICATION_POSTED = "NotificationPosted";
    public static final String NOTIFICATION_PREFERENCES_CHANGED = "NotificationPreferencesChanged";
    public static final String ORGANIZATION_BRANDING_CHANGED = "OrganizationBrandingChanged";
    public static final String ORGANIZATION_CREATED = "OrganizationCreated";
    public static final String ORGANIZATION_DELETION_SCHEDULED = "OrganizationDeletionScheduled";
    public static final String ORGANIZATION_MOVED = "OrganizationMoved";
    public static final String ORGANIZATION_PURGED = "OrganizationPurged";
    public static final String ORGANIZATION_RESTORED = "OrganizationRestored";
    public static final String ORGANIZATION_SETTINGS_CHANGED = "OrganizationSettingsChanged";
    public static final String ORGANIZATION_UPDATED = "OrganizationUpdated";
    public static final String OWNERSHIP_TRANSFERRED = "OwnershipTransferred";
    public static final String PLAN_CHANGED = "PlanChanged";
    public static final String PRODUCT_PERMISSIONS_CHANGED = "ProductPermissionsChanged";
    public static final String SIGN_IN_POLICY_CHANGED = "SignInPolicyChanged";
    public static final String SSO_CONNECTION_CHANGED = "SsoConnectionChanged";
    public static final String SSO_CONNECTION_CREATED = "SsoConnectionCreated";
    public static final String SSO_CONNECTION_DELETED = "SsoConnectionDeleted";
    public static final String TEAM_CREATED = "TeamCreated";
    public static final String TEAM_DELETED = "TeamDeleted";
    public static final String TEAM_MEMBER_ADDED = "TeamMemberAdded";
    public static final String TEAM_MEMBER_REMOVED = "TeamMemberRemoved";
    public static final String TEAM_RENAMED = "TeamRenamed";
    public static final String USER_PROFILE_UPDATED = "UserProfileUpdated";
    public static final String USER_REACTIVATED = "UserReactivated";
    public static final String USER_SUSPENDED = "UserSuspended";

    private EventTypes() {
    }
}
