package dev.orgplatform.invitation;

import java.time.Instant;

import dev.orgplatform.platform.clock.PlatformClock;

/** A clock the test moves (installed with QuarkusMock for one test). */
class FixedClock extends PlatformClock {

    private volatile Instant now;

    FixedClock(Instant now) {
        this.now = now;
    }

    void set(Instant now) {
        this.now = now;
    }

    @Override
    public Instant now() {
        return now;
    }
}
