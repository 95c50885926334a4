package dev.orgplatform.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Detached OS processes tracked by pid files, and small helpers around them. */
final class Proc {
    private Proc() {
    }

    /**
     * Starts {@code cmd} in a session of its own (setsid), so a Ctrl-C in the caller's terminal does not
     * reach it and the whole process group (wrapper scripts included) can be signalled at stop.
     */
    static ProcessHandle launch(List<String> cmd, Map<String, String> env, Path log, Path pidFile) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            List<String> full = new ArrayList<>();
            full.add("setsid");
            full.addAll(cmd);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            ProcessHandle h = pb.start().toHandle();
            String start = h.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("0");
            Files.writeString(pidFile, h.pid() + " " + start + "\n");
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + cmd, e);
        }
    }

    /** The process a pid file names, if it is still the same process and alive. */
    static Optional<ProcessHandle> alive(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) return Optional.empty();
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long start = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            // the start time guards against a recycled pid
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> start == 0
                    || h.info().startInstant().map(Instant::toEpochMilli).orElse(start) == start);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Signals the process group, waits up to {@code grace}, then kills the group. */
    static boolean stop(Path pidFile, String signal, Duration grace) {
        Optional<ProcessHandle> h = alive(pidFile);
        h.ifPresent(p -> {
            long pgid = p.pid();
            signalGroup(pgid, signal);
            if (!await(() -> !groupAlive(pgid), grace)) {
                signalGroup(pgid, "KILL");
                await(() -> !groupAlive(pgid), Duration.ofSeconds(10));
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is re-checked by start time anyway
        }
        return h.isPresent();
    }

    private static void signalGroup(long pgid, String signal) {
        run(List.of("kill", "-" + signal, "--", "-" + pgid), Map.of(), Duration.ofSeconds(10));
    }

    private static boolean groupAlive(long pgid) {
        return run(List.of("kill", "-0", "--", "-" + pgid), Map.of(), Duration.ofSeconds(10)).code == 0;
    }

    record Result(int code, String output) {
    }

    /** Runs a short foreground command and returns its exit code and combined output. */
    static Result run(List<String> cmd, Map<String, String> env, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null"));
            pb.environment().putAll(env);
            Process p = pb.start();
            // output is small for these commands; read it fully before waiting
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static Result runOrThrow(List<String> cmd, Map<String, String> env, Duration timeout) {
        Result r = run(cmd, env, timeout);
        if (r.code != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed (" + r.code + "):\n" + r.output);
        return r;
    }

    static boolean await(BooleanSupplier condition, Duration timeout) {
        return await(condition, () -> false, timeout);
    }

    /** Whether {@code condition} held before {@code giveUp} did or the timeout passed. */
    static boolean await(BooleanSupplier condition, BooleanSupplier giveUp, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) return true;
            if (giveUp.getAsBoolean() || System.nanoTime() > end) return false;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) return "(no log at " + log + ")";
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable log " + log + ": " + e + ")";
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
