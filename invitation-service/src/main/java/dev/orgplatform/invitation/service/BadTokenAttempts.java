package dev.orgplatform.invitation.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.invitation.config.InvitationConfig;
import dev.orgplatform.platform.clock.PlatformClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Slows down token guessing: a client address that presented {@code limit} bad tokens within a window is refused
 * every accept or register until the window ends, on every replica alike ({@link RateLimits}). The address is the
 * client's as the platform reads it behind trusted proxies, so one ingress does not make all visitors one client.
 */
@ApplicationScoped
public class BadTokenAttempts {

    private static final Logger LOG = Logger.getLogger(BadTokenAttempts.class);
    private static final String WHAT = "too many invalid invitation tokens from this client";

    private final RateLimits limits;
    private final PlatformClock clock;
    private final int limit;
    private final Duration window;

    public BadTokenAttempts(RateLimits limits, PlatformClock clock, InvitationConfig config) {
        this.limits = limits;
        this.clock = clock;
        this.limit = config.badTokens().limit();
        this.window = config.badTokens().window();
    }

    /** Fails with {@link TooManyAttemptsException} while {@code client} is over the limit. */
    public Uni<Void> check(String client) {
        return limits.requireUnder(key(client), limit, window, WHAT);
    }

    public Uni<Void> failed(String client) {
        return limits.count(key(client), window);
    }

    private static String key(String client) {
        return "bad-token:" + client;
    }

    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOldWindows() {
        return limits.forgetBefore(clock.now().minus(Duration.ofDays(1))).replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("old rate windows stay until the next run: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
