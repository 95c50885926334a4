package dev.orgplatform.invitation;

/** Whether the invitation mail left: SENDING until the SMTP server took it, then SENT or FAILED (resend to retry). */
public enum DeliveryState {
    SENDING, SENT, FAILED
}
