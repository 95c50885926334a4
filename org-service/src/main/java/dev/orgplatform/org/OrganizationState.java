package dev.orgplatform.org;

public enum OrganizationState {
    ACTIVE, PENDING_DELETION
}
