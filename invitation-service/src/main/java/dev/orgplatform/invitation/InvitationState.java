package dev.orgplatform.invitation;

/** PENDING until accepted, revoked or expired; the other three are final. */
public enum InvitationState {
    PENDING, ACCEPTED, REVOKED, EXPIRED
}
