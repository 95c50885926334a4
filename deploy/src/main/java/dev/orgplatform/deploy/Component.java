package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One process of the stack: how to launch it, when it is healthy, how to stop it. */
abstract class Component {
    final StackConfig cfg;
    final String name;
    volatile long startedMillis = -1;
    /** The process this JVM launched last, for its exit code. */
    private volatile Process launched;

    Component(StackConfig cfg, String name) {
        this.cfg = cfg;
        this.name = name;
    }

    abstract boolean healthy();

    /** Prepares state and launches the process; {@code fresh} wipes state a test build must not inherit. */
    abstract ProcessHandle launch(boolean fresh);

    /** Where it listens, for the status table. */
    abstract String where();

    /** The ports it needs free to start. */
    abstract List<Integer> ports();

    // generous: on a loaded 2-core machine four services starting at once take over a minute
    Duration startTimeout() { return Duration.ofSeconds(240); }

    String stopSignal() { return "TERM"; }

    Path log() { return cfg.stateDir().resolve("logs").resolve(name + ".log"); }

    Path pidFile() { return cfg.stateDir().resolve("run").resolve(name + ".pid"); }

    Optional<ProcessHandle> process() { return Proc.alive(pidFile()); }

    /** Launches it detached, marked as this stack's, with its output appended to its log. */
    ProcessHandle spawn(List<String> cmd, Map<String, String> env) {
        launched = Proc.launch(cmd, env, log(), pidFile(), cfg.marker());
        return launched.toHandle();
    }

    /** Launches and blocks until healthy; throws with the log tail if it dies or times out. */
    void start(boolean fresh) {
        long t0 = System.nanoTime();
        requireFreePorts();
        ProcessHandle h = launch(fresh);
        Duration timeout = startTimeout();
        // judged once: the first healthy answer counts (a probe evaluated again later may catch a passing flap)
        boolean up = Proc.await(() -> h.isAlive() && healthy(), () -> !h.isAlive(), timeout);
        if (!up) {
            String why = h.isAlive() ? "not healthy after " + timeout.toSeconds() + " s"
                    : "exited" + (launched != null && !launched.isAlive() ? " with code " + launched.exitValue() : "");
            if (h.isAlive()) Proc.stop(pidFile(), "KILL", Duration.ofSeconds(5));
            throw new IllegalStateException(name + " " + why + "; last lines of " + log() + ":\n" + Proc.tail(log(), 40));
        }
        startedMillis = (System.nanoTime() - t0) / 1_000_000;
        afterStart();
    }

    /** Fails at once, naming who holds it, when a port it needs is taken: it would never turn healthy. */
    void requireFreePorts() {
        for (int port : ports()) {
            if (!Proc.portOpen(port)) continue;
            String holder = Proc.listener(port).orElse("a process this user cannot see");
            boolean ours = Proc.listener(port).isPresent() && Proc.marked(cfg.marker()).stream()
                    .anyMatch(h -> holder.startsWith("pid " + h.pid() + " "));
            throw new IllegalStateException(name + " cannot start: port " + port + " is held by " + holder
                    + (ours ? "; it belongs to this " + cfg.profile().id() + " stack (stop it: deploy/stack down --profile "
                            + cfg.profile().id() + ")" : "; stop it, or move this stack with a port offset"));
        }
    }

    /** Runs once the component is healthy, before anything that needs it starts. */
    void afterStart() {
    }

    boolean stop() {
        return Proc.stop(pidFile(), stopSignal(), stopGrace());
    }

    /** How long a stopping component may take before it is killed. */
    Duration stopGrace() {
        return Duration.ofSeconds(30);
    }

    static int httpStatus(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
