package dev.orgplatform.deploy;

/** Which local stack: a developer's long-lived one or the one a build's tests share. */
public enum StackProfile {
    DEV, TEST;

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
