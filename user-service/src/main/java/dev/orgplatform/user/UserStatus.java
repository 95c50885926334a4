package dev.orgplatform.user;

public enum UserStatus {
    ACTIVE, INACTIVE, SUSPENDED
}
