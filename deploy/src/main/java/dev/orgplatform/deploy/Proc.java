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
    static Process launch(List<String> cmd, Map<String, String> env, Path log, Path pidFile, String marker) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            List<String> full = new ArrayList<>();
            full.add("setsid");
            full.addAll(cmd);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // a restart keeps what came before
            pb.environment().putAll(env);
            // inherited by every child (postgres' workers, kc.sh's JVM): how `down` finds them without pid files
            pb.environment().put(MARKER_VARIABLE, marker);
            Process p = pb.start();
            ProcessHandle h = p.toHandle();
            String start = h.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("0");
            Files.writeString(pidFile, h.pid() + " " + start + "\n");
            return p;
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

    /**
     * Runs a short foreground command and returns its exit code and combined output. The output goes to a file, not
     * a pipe: a grandchild that keeps the pipe open (a daemon forked by the command) would otherwise block the read
     * past the timeout.
     */
    static Result run(List<String> cmd, Map<String, String> env, Duration timeout) {
        Path out = null;
        try {
            out = Files.createTempFile("orgplatform-cmd", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", cmd) + "\n"
                        + tail(out, 20));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    /** The environment variable every launched process carries, naming the stack (its state directory). */
    static final String MARKER_VARIABLE = "ORGPLATFORM_STACK";

    /** Every live process whose environment carries {@code marker}, whatever became of its pid file. */
    static List<ProcessHandle> marked(String marker) {
        byte[] wanted = (MARKER_VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(h -> h.pid() != self).filter(h -> {
            try {
                byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ"));
                return containsEntry(environ, wanted);
            } catch (IOException | RuntimeException e) {
                return false; // gone meanwhile, or not ours to read
            }
        }).toList();
    }

    private static boolean containsEntry(byte[] environ, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(environ, start, i, entry, 0, entry.length)) return true;
                start = i + 1;
            }
        }
        return false;
    }

    /** TERM to every process carrying {@code marker}, KILL to those left after {@code grace}; how many there were. */
    static int stopMarked(String marker, Duration grace) {
        List<ProcessHandle> left = marked(marker);
        left.forEach(ProcessHandle::destroy);
        await(() -> left.stream().noneMatch(ProcessHandle::isAlive), grace);
        left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        await(() -> left.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10));
        return left.size();
    }

    /** Who listens on {@code port} on this machine, e.g. {@code "pid 4711 (java -jar ...)"}, if it can be told. */
    static Optional<String> listener(int port) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is hex ip:port, st 0A is LISTEN, inode is the tenth field
                    if (f.length < 10 || !f[3].equals("0A")) continue;
                    String local = f[1];
                    int p = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                    if (p == port) inodes.add("socket:[" + f[9] + "]");
                }
            } catch (IOException | RuntimeException e) {
                // no procfs: the caller still names the port
            }
        }
        if (inodes.isEmpty()) return Optional.empty();
        return ProcessHandle.allProcesses().filter(h -> holdsAny(h.pid(), inodes)).findFirst()
                .map(h -> "pid " + h.pid() + " (" + h.info().commandLine().map(c -> c.length() > 160 ? c.substring(0, 160) + "…" : c)
                        .orElse("?") + ")");
    }

    private static boolean holdsAny(long pid, java.util.Set<String> inodes) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
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
