package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An exclusive lock on a file shared by every JVM of this user (launcher, test JVMs), waited for at most a bound. The
 * holder's pid and command stand in a file beside it, so whoever waits can say who holds it.
 */
final class StateLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path owner;

    private StateLock(FileChannel channel, FileLock lock, Path owner) {
        this.channel = channel;
        this.lock = lock;
        this.owner = owner;
    }

    /** Takes the lock on {@code file}; throws naming the holder once {@code bound} passed. */
    static StateLock acquire(Path file, Duration bound, String what) {
        Path owner = file.resolveSibling(file.getFileName() + ".owner");
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long end = System.nanoTime() + bound.toNanos();
            boolean told = false;
            while (true) {
                FileLock l = ch.tryLock();
                if (l != null) {
                    ProcessHandle self = ProcessHandle.current();
                    Files.writeString(owner, "pid " + self.pid() + " (" + self.info().commandLine().orElse("?") + ")\n",
                            StandardCharsets.UTF_8);
                    return new StateLock(ch, l, owner);
                }
                if (System.nanoTime() > end) {
                    ch.close();
                    throw new IllegalStateException("gave up after " + bound.toSeconds() + " s waiting for the " + what
                            + " lock " + file + ", held by " + holder(owner));
                }
                if (!told) {
                    System.err.println("waiting (at most " + bound.toSeconds() + " s) for the " + what + " lock, held by "
                            + holder(owner));
                    told = true;
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + file, e);
        }
    }

    private static String holder(Path owner) {
        try {
            return Files.exists(owner) ? Files.readString(owner).trim() : "an unknown process";
        } catch (IOException e) {
            return "an unknown process";
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(owner);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
