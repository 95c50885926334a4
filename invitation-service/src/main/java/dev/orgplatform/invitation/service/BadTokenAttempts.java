package dev.orgplatform.invitation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.invitation.config.InvitationConfig;
import dev.orgplatform.platform.clock.PlatformClock;
import io.quarkus.scheduler.Scheduled;

/**
 * Slows down token guessing: a client (IP) that presented {@code limit} bad tokens within a window is refused
 * every accept or register until the window ends. In memory per replica, fixed windows: cheap, and guessing
 * 256-bit tokens is hopeless anyway; this keeps the noise down.
 */
@ApplicationScoped
public class BadTokenAttempts {

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final PlatformClock clock;
    private final int limit;
    private final Duration window;

    public BadTokenAttempts(PlatformClock clock, InvitationConfig config) {
        this.clock = clock;
        this.limit = config.badTokens().limit();
        this.window = config.badTokens().window();
    }

    /** Throws {@link TooManyAttemptsException} while {@code client} is over the limit. */
    public void check(String client) {
        Window w = windows.get(client);
        Instant now = clock.now();
        if (w != null && w.failures() >= limit && now.isBefore(w.start().plus(window))) {
            long seconds = Math.max(1, Duration.between(now, w.start().plus(window)).toSeconds() + 1);
            throw new TooManyAttemptsException(seconds);
        }
    }

    public void failed(String client) {
        Instant now = clock.now();
        windows.compute(client, (k, w) -> w == null || !now.isBefore(w.start().plus(window)) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    @Scheduled(every = "${invitation.bad-tokens.window}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldWindows() {
        Instant now = clock.now();
        windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    }
}
