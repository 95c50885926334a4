package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The foreground {@code deploy/stack up} of a stack, named by its pid in the state directory: a second {@code up}
 * finds it and says so instead of starting a stack beside it, and {@code down} ends it (its shutdown hook stops what
 * it started) instead of leaving it running over a stopped stack.
 */
final class Launcher {

    private final Path pidFile;

    Launcher(StackConfig cfg) {
        this.pidFile = cfg.stateDir().resolve("up.pid");
    }

    /** The running {@code up} of this stack, if any (a pid file of a process that is gone names none). */
    Optional<ProcessHandle> running() {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.pid() != ProcessHandle.current().pid());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** This JVM is the stack's {@code up} now. */
    void claim() {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + pidFile, e);
        }
    }

    /** Whether the pid file still names this JVM ({@code down} removes it). */
    boolean stillClaimed() {
        try {
            return Files.exists(pidFile) && Files.readString(pidFile, StandardCharsets.UTF_8).trim()
                    .equals(Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            return false;
        }
    }

    void release() {
        try {
            if (stillClaimed()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // the next up finds a pid file of a process that is gone, which names none
        }
    }

    /** Ends the running {@code up} (SIGTERM: its hook stops what it started), waiting at most {@code bound}. */
    boolean endRunning(Duration bound) {
        Optional<ProcessHandle> up = running();
        if (up.isEmpty()) {
            return false;
        }
        up.get().destroy();
        try {
            up.get().onExit().get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            up.get().destroyForcibly();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: it names a process that is gone
        }
        return true;
    }
}
