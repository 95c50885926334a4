package dev.orgplatform.platform.clock;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one source of "now" for every rule with time in it (expiries, grace periods), so tests move time
 * instead of sleeping (QuarkusMock can replace this normal-scoped bean).
 */
@ApplicationScoped
public class PlatformClock {

    public Instant now() {
        return Instant.now();
    }
}
