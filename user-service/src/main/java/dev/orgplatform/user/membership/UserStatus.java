package dev.orgplatform.user.membership;

public enum UserStatus {
    ACTIVE, INACTIVE, SUSPENDED
}
