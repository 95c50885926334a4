package dev.orgplatform.user.access.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgplatform.user.access.repository.AccessChangeRepository;
import dev.orgplatform.user.config.AccessConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;

/**
 * Deletes changes older than {@link AccessConfig#changeRetention()} from the feed (every replica does it: deleting
 * twice is harmless), then lets the feed forget the fact versions nothing older can contradict any more. Scheduled
 * programmatically from typed config.
 */
@ApplicationScoped
public class AccessChangeCleanupJob {

    private static final Logger LOG = Logger.getLogger(AccessChangeCleanupJob.class);

    private final AccessChangeRepository changes;
    private final AccessChangeFeed feed;
    private final AccessConfig config;

    public AccessChangeCleanupJob(AccessChangeRepository changes, AccessChangeFeed feed, AccessConfig config) {
        this.changes = changes;
        this.feed = feed;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        scheduler.newJob(AccessChangeCleanupJob.class.getName()).setInterval(config.cleanupInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setAsyncTask(execution -> cleanUp()).schedule();
    }

    Uni<Void> cleanUp() {
        return changes.deleteOlderThan(config.changeRetention())
                .invoke(deleted -> LOG.debugf("%d old access changes deleted", deleted))
                .chain(changes::oldestId)
                // an empty feed: any change still to come for a fact is newer than its version
                .invoke(oldest -> feed.forgetBelow(oldest == null ? Long.MAX_VALUE : oldest))
                .replaceWithVoid();
    }
}
