package dev.orgplatform.invitation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;

class InvitationExpiryTest {

    private static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");

    private final InvitationExpiry expiry = new InvitationExpiry(Duration.ofDays(7));

    @Test
    void anInvitationWorksForTheValidityPeriodAfterItWasSent() {
        assertEquals(Instant.parse("2026-03-08T10:00:00Z"), expiry.expiresAt(SENT));
        assertEquals(SENT.plus(Duration.ofHours(1)), new InvitationExpiry(Duration.ofHours(1)).expiresAt(SENT));
    }

    @Test
    void itIsExpiredFromTheInstantItsPeriodEnds() {
        Instant expiresAt = expiry.expiresAt(SENT);
        assertFalse(expiry.expired(expiresAt, expiresAt.minusNanos(1)));
        assertTrue(expiry.expired(expiresAt, expiresAt));
        assertTrue(expiry.expired(expiresAt, expiresAt.plusSeconds(1)));
    }

    @Test
    void theQueriesCutoffAgreesWithTheRule() {
        Instant now = Instant.parse("2026-03-08T10:00:00Z");
        Instant cutoff = expiry.cutoff(now);
        // the repository counts "expiresAt <= cutoff" as expired, "expiresAt > cutoff" as live
        for (Instant expiresAt : new Instant[] { now.minusSeconds(1), now, now.plusNanos(1000), now.plusSeconds(1) }) {
            assertEquals(!expiresAt.isAfter(cutoff), expiry.expired(expiresAt, now), expiresAt.toString());
        }
    }

    @Test
    void aPendingInvitationPastItsExpiryShowsExpiredTheFinalStatesStay() {
        Invitation i = invitation(InvitationState.PENDING);
        Instant before = i.expiresAt.minusSeconds(1);
        assertEquals(InvitationState.PENDING, expiry.stateAt(i, before));
        assertTrue(expiry.pendingAt(i, before));
        assertEquals(InvitationState.EXPIRED, expiry.stateAt(i, i.expiresAt));
        assertFalse(expiry.pendingAt(i, i.expiresAt));
        for (InvitationState end : new InvitationState[] { InvitationState.ACCEPTED, InvitationState.REVOKED, InvitationState.EXPIRED }) {
            assertEquals(end, expiry.stateAt(invitation(end), i.expiresAt.plusSeconds(60)));
            assertEquals(end, expiry.stateAt(invitation(end), before));
        }
    }

    private Invitation invitation(InvitationState state) {
        Invitation i = new Invitation();
        i.state = state;
        i.sentAt = SENT;
        i.expiresAt = expiry.expiresAt(SENT);
        return i;
    }
}
