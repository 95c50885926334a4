package dev.orgplatform.deploy.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends a test JVM that outlives {@code orgplatform.test-jvm-timeout} seconds, naming the test it was running and
 * printing every thread's stack (on the JVM's stderr and in {@code target/test-jvm-watchdog.log}). JUnit's own timeout only interrupts a test, which a test stuck in a loop or an
 * uninterruptible wait ignores, and surefire's fork timeout asks the fork to exit rather than ending it. Registered
 * with JUnit through {@code META-INF/services}, so every test JVM with this jar on its class path has it.
 */
public final class TestJvmWatchdog implements TestExecutionListener {
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicReference<String> RUNNING = new AtomicReference<>("no test yet");

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        long seconds = Long.getLong("orgplatform.test-jvm-timeout", 0);
        if (seconds <= 0 || !ARMED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            StringBuilder dump = new StringBuilder();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                dump.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState()).append('\n');
                for (StackTraceElement frame : e.getValue()) dump.append("    at ").append(frame).append('\n');
            }
            String report = "test JVM ended after " + seconds + " s (orgplatform.test-jvm-timeout) while running "
                    + RUNNING.get() + "; its threads:\n" + dump;
            // past surefire's capture of System.err, which a halted JVM never hands over, and into target/
            try (PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)) {
                err.println(report);
            }
            try {
                Files.writeString(Path.of("target", "test-jvm-watchdog.log"), report);
            } catch (IOException | RuntimeException e) {
                // the report on stderr stands
            }
            Runtime.getRuntime().halt(3);
        }, "test-jvm-watchdog");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) RUNNING.set(id.getUniqueId());
    }
}
