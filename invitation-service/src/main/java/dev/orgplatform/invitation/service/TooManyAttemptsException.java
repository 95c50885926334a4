package dev.orgplatform.invitation.service;

/** Too many attempts (bad invitation tokens from one client, resends): answered 429 with Retry-After. */
public class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(String what, long retryAfterSeconds) {
        super(what + "; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
