package dev.orgplatform.billing;

/** Follows the organization's lifecycle: PENDING_DELETION reserves nothing and answers as if absent. */
public enum AccountState {
    ACTIVE, PENDING_DELETION
}
