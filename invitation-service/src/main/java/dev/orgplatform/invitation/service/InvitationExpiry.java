package dev.orgplatform.invitation.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The expiry rule: an invitation works for {@code invitation.valid-for} after it was (re)sent and is expired from
 * the instant that period ends, for every use, before the expiry job records it. Uses, list filters and the job
 * all ask here; the repository's queries compare {@code expiresAt} with the {@link #cutoff} given them.
 */
@Singleton
public class InvitationExpiry {

    @ConfigMapping(prefix = "invitation")
    public interface Validity {
        /** How long a (re)sent invitation works. */
        @WithDefault("P7D")
        Duration validFor();
    }

    private final Duration validFor;

    @Inject
    public InvitationExpiry(Validity validity) {
        this(validity.validFor());
    }

    public InvitationExpiry(Duration validFor) {
        this.validFor = validFor;
    }

    public Instant expiresAt(Instant sentAt) {
        return sentAt.plus(validFor);
    }

    /** An invitation expires at {@code now} when its {@code expiresAt} is at or before this instant. */
    public Instant cutoff(Instant now) {
        return now;
    }

    public boolean expired(Instant expiresAt, Instant now) {
        return !expiresAt.isAfter(cutoff(now));
    }

    /** The state as of {@code now}: a pending invitation past its expiry is EXPIRED. */
    public InvitationState stateAt(Invitation i, Instant now) {
        return i.state == InvitationState.PENDING && expired(i.expiresAt, now) ? InvitationState.EXPIRED : i.state;
    }

    public boolean pendingAt(Invitation i, Instant now) {
        return stateAt(i, now) == InvitationState.PENDING;
    }
}
