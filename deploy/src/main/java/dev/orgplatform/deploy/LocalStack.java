package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.orgplatform.platform.events.DeadLetterRedrive;

/** Starts, checks and stops the real components of the stack as detached OS processes. */
public final class LocalStack {
    private static final Object JVM_LOCK = new Object();
    /** The CLI prints progress to stdout; elsewhere (test JVMs) to stderr, visible whatever logging is set up. */
    private static volatile boolean console;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StackConfig cfg;
    private final Postgres postgres;
    private final List<Component> infra;
    private final Set<String> reused = ConcurrentHashMap.newKeySet();
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    private LocalStack(StackConfig cfg) {
        this.cfg = cfg;
        this.postgres = new Postgres(cfg);
        this.infra = List.of(postgres, new Kafka(cfg), new Keycloak(cfg), new GreenMail(cfg));
    }

    public static LocalStack of(StackProfile p) {
        return new LocalStack(StackConfig.of(p));
    }

    public StackConfig config() {
        return cfg;
    }

    /** Starts whatever infrastructure is not already healthy, in parallel, and waits for it. */
    public void ensureInfra() {
        withStateLock(() -> {
            List<Component> missing = new ArrayList<>();
            for (Component c : infra) {
                if (c.healthy()) {
                    reused.add(c.name);
                    c.afterStart(); // idempotent: e.g. topics a reused Kafka may still lack
                } else {
                    missing.add(c);
                }
            }
            // the test stack starts from clean Keycloak and Kafka data, so runs do not see each other's leftovers
            boolean fresh = cfg.profile() == StackProfile.TEST;
            startAll(missing, fresh);
            return null;
        });
    }

    public void createDatabase(String name, boolean fresh) {
        postgres.createDatabase(name, fresh);
    }

    /** Starts the four services from their packaged jars; {@code extraEnv} entries override their config. */
    public void startServices(Map<String, String> extraEnv) {
        List<ServiceProcess> all = new ArrayList<>();
        for (String svc : StackConfig.SERVICES) {
            String db = StackConfig.defaultDatabase(svc);
            ServiceProcess p = new ServiceProcess(cfg, svc, serviceConfig(svc, db), extraEnv);
            if (!Files.exists(p.jar())) throw new IllegalStateException(p.jar() + " missing; build: ./mvnw -DskipTests install");
            all.add(p);
        }
        List<ServiceProcess> missing = new ArrayList<>();
        for (ServiceProcess p : all) {
            if (p.healthy()) {
                reused.add(p.name);
                continue;
            }
            createDatabase(StackConfig.defaultDatabase(p.name), false);
            missing.add(p);
        }
        startAll(missing, false);
        ServiceProcess console = new ServiceProcess(cfg, StackConfig.CONSOLE, consoleConfig(), extraEnv);
        if (!Files.exists(console.jar())) throw new IllegalStateException(console.jar() + " missing; build: ./mvnw -DskipTests install");
        if (console.healthy()) {
            reused.add(console.name);
        } else {
            startAll(List.of(console), false);
        }
    }

    private Map<String, String> configOf(String service) {
        return service.equals(StackConfig.CONSOLE) ? consoleConfig() : serviceConfig(service, StackConfig.defaultDatabase(service));
    }

    /** The console's configuration: Keycloak (the realm's dev client secret; a deployment sets its own) and the services. */
    public Map<String, String> consoleConfig() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quarkus.http.port", Integer.toString(cfg.servicePort(StackConfig.CONSOLE)));
        m.put("quarkus.oidc.auth-server-url", cfg.realmUrl());
        m.put("quarkus.oidc.credentials.secret", "org-platform-console-secret");
        for (String s : StackConfig.SERVICES) {
            m.put("console.services." + s + ".url", "http://127.0.0.1:" + cfg.servicePort(s));
        }
        return m;
    }

    /**
     * Starts instance {@code replica} (2 or more) of {@code service} beside the first, on the same database and Kafka,
     * and waits until it is ready; returns its base URL. Stopped with the services.
     */
    public String startReplica(String service, int replica, Map<String, String> extraEnv) {
        if (replica < 2 || replica > ServiceProcess.MAX_REPLICAS) {
            throw new IllegalArgumentException("replica must be 2.." + ServiceProcess.MAX_REPLICAS);
        }
        Map<String, String> config = new LinkedHashMap<>(configOf(service));
        config.put("quarkus.http.port", Integer.toString(ServiceProcess.port(cfg, service, replica)));
        ServiceProcess p = new ServiceProcess(cfg, service, replica, config, extraEnv);
        if (!p.healthy()) startLogged(p, false);
        return p.url();
    }

    /** The base URL of instance {@code replica} of {@code service} (1 is the one {@link #startServices} starts). */
    public String replicaUrl(String service, int replica) {
        return "http://127.0.0.1:" + ServiceProcess.port(cfg, service, replica);
    }

    /** {@code kill -9} of a component ("postgres", "kafka", a service, or "user-service-2"): no shutdown at all. */
    public void kill(String component) {
        Component c = component(component);
        if (c.process().isEmpty()) throw new IllegalStateException(component + " is not running");
        Proc.stop(c.pidFile(), "KILL", Duration.ofSeconds(10));
        log("killed " + component + " (" + cfg.profile().id() + ")");
    }

    /** Stops a component the way it is normally stopped (its own signal, then a grace period). */
    public void stop(String component) {
        component(component).stop();
    }

    /**
     * Starts a stopped or killed infrastructure component again on its existing state and waits until it is
     * healthy (services: {@link #startServices}/{@link #startReplica}).
     */
    public void restart(String component) {
        Component c = component(component);
        if (c instanceof ServiceProcess) throw new IllegalArgumentException("start services with startServices/startReplica");
        if (c.process().isPresent()) c.stop();
        startLogged(c, false);
    }

    private Component component(String name) {
        return components().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name));
    }

    /** Quarkus configuration of {@code service} against this stack, as property keys. */
    public Map<String, String> serviceConfig(String service, String database) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quarkus.http.port", Integer.toString(cfg.servicePort(service)));
        m.put("quarkus.datasource.username", cfg.pgUser());
        m.put("quarkus.datasource.password", cfg.pgPassword());
        String hostPortDb = cfg.pgHost() + ":" + cfg.pgPort() + "/" + database;
        m.put("quarkus.datasource.reactive.url", "postgresql://" + hostPortDb);
        m.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPortDb);
        m.put("kafka.bootstrap.servers", cfg.kafkaBootstrap());
        m.put("quarkus.oidc.auth-server-url", cfg.realmUrl());
        m.put("quarkus.oidc-client.auth-server-url", cfg.realmUrl());
        m.put("quarkus.oidc.credentials.secret", service + "-secret"); // the dev realm's; a deployment sets its own
        m.put("quarkus.mailer.host", cfg.smtpHost());
        m.put("quarkus.mailer.port", Integer.toString(cfg.smtpPort()));
        m.put("platform.keycloak.url", cfg.keycloakUrl());
        // on one machine the console (and a test playing an ingress) forward the client's address from here
        m.put("platform.http.trusted-proxies", "127.0.0.1,::1");
        for (String s : StackConfig.SERVICES) {
            m.put("platform.services." + s + ".url", "http://127.0.0.1:" + cfg.servicePort(s));
        }
        if (service.equals("user-service") && cfg.profile() == StackProfile.TEST) {
            m.put("user.sso.dns-server", "127.0.0.1:" + cfg.dnsPort()); // the tests' own DNS server (TestDns)
            m.put("user.sso.sync-interval", "1s");
        }
        if (service.equals("invitation-service")) {
            m.put("invitation.accept-url-base", cfg.consoleUrl() + "/invitations"); // the console's landing page
        }
        return m;
    }

    /** {@link #serviceConfig} as environment variables (what a container of the service is given). */
    public Map<String, String> serviceEnvironment(String service, String database) {
        Map<String, String> env = new LinkedHashMap<>();
        serviceConfig(service, database).forEach((k, v) -> env.put(ServiceProcess.envName(k), v));
        return env;
    }

    /** Stops the four services only, leaving the infrastructure to whoever shares it. */
    public void stopServices() {
        stop(components(), c -> c instanceof ServiceProcess);
    }

    /**
     * Stops everything this profile started: by pid file, services first, then the infrastructure; then whatever
     * still carries this stack's marker (pid files deleted by {@code ./mvnw clean}, a build killed mid-start).
     */
    public void stopAll() {
        stop(components(), c -> true);
        int left = Proc.stopMarked(cfg.marker(), Duration.ofSeconds(20));
        if (left > 0) log("stopped " + left + " more process(es) of this stack that had no pid file");
    }

    /** Stops one service and starts it again from its (rebuilt) jar, with the stack's configuration. */
    public void restartService(String service) {
        ServiceProcess p = new ServiceProcess(cfg, service, configOf(service), Map.of());
        if (p.stop()) log("stopped " + service + " (" + cfg.profile().id() + ")");
        startLogged(p, false);
    }

    private void stop(List<Component> all, java.util.function.Predicate<Component> which) {
        List<Component> services = all.stream().filter(c -> c instanceof ServiceProcess && which.test(c)).toList();
        List<Component> rest = all.stream().filter(c -> !(c instanceof ServiceProcess) && which.test(c)).toList();
        for (List<Component> group : List.of(services, rest)) {
            parallel(group, c -> {
                if (c.stop()) log("stopped " + c.name + " (" + cfg.profile().id() + ")");
            });
        }
    }

    private List<Component> components() {
        List<Component> all = new ArrayList<>();
        for (String svc : StackConfig.SERVICES) {
            for (int replica = 1; replica <= ServiceProcess.MAX_REPLICAS; replica++) {
                all.add(new ServiceProcess(cfg, svc, replica, Map.of(), Map.of()));
            }
        }
        for (int replica = 1; replica <= ServiceProcess.MAX_REPLICAS; replica++) {
            all.add(new ServiceProcess(cfg, StackConfig.CONSOLE, replica, Map.of(), Map.of()));
        }
        all.addAll(infra);
        return all;
    }

    /** Starts {@code cs} in parallel, after checking that none of them finds its ports taken by a stranger. */
    private void startAll(List<? extends Component> cs, boolean fresh) {
        for (Component c : cs) {
            if (c.process().isEmpty()) c.requireFreePorts();
        }
        parallel(cs, c -> startLogged(c, fresh));
    }

    private void startLogged(Component c, boolean fresh) {
        if (c.process().isPresent()) c.stop(); // ours but unhealthy: left over from an aborted start
        started.add(c.name);
        log("starting " + c.name + " (" + cfg.profile().id() + "), log " + c.log());
        c.start(fresh);
        log(String.format(Locale.ROOT, "%s healthy after %.1f s", c.name, c.startedMillis / 1000.0));
    }

    private static void log(String message) {
        String line = java.time.LocalTime.now().format(TIME) + " [local-stack] " + message;
        (console ? System.out : System.err).println(line);
    }

    private <T> T withStateLock(Supplier<T> action) {
        synchronized (JVM_LOCK) {
            // held while infrastructure starts: Keycloak's first start (a build) is the longest, a few minutes at worst
            try (StateLock ignored = StateLock.acquire(cfg.stateDir().resolve(".lock"), Duration.ofMinutes(8),
                    cfg.profile().id() + " stack")) {
                return action.get();
            }
        }
    }

    private static <C extends Component> void parallel(Collection<C> cs, Consumer<C> action) {
        if (cs.isEmpty()) return;
        ExecutorService ex = Executors.newFixedThreadPool(cs.size());
        try {
            List<Future<?>> futures = cs.stream().<Future<?>>map(c -> ex.submit(() -> action.accept(c))).toList();
            List<String> errors = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    errors.add(String.valueOf(e.getCause().getMessage()));
                }
            }
            if (!errors.isEmpty()) throw new IllegalStateException(String.join("\n\n", errors));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            ex.shutdownNow();
        }
    }

    private void printStatus() {
        System.out.printf("%s stack, state in %s%n", cfg.profile().id(), cfg.stateDir());
        System.out.printf("  %-19s %-5s %-8s %s%n", "component", "state", "pid", "where");
        for (Component c : components()) {
            if (c instanceof ServiceProcess p && p.isExtraReplica() && c.process().isEmpty()) continue;
            String pid = c.process().map(h -> Long.toString(h.pid())).orElse("-");
            System.out.printf("  %-19s %-5s %-8s %s%n", c.name, c.healthy() ? "up" : "down", pid, c.where());
        }
        System.out.println("  logs: " + cfg.stateDir().resolve("logs"));
    }

    private void up(boolean withServices) throws InterruptedException {
        long t0 = System.nanoTime();
        Launcher launcher = new Launcher(cfg);
        Optional<ProcessHandle> other = launcher.running();
        if (other.isPresent()) {
            System.err.println("a " + cfg.profile().id() + " stack is already running (deploy/stack up, pid " + other.get().pid()
                    + "); use it, or stop it first with: deploy/stack down" + (cfg.profile() == StackProfile.DEV ? "" : " --profile "
                    + cfg.profile().id()));
            System.exit(1);
        }
        launcher.claim();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping what this command started" + (reused.isEmpty() ? "" : " (leaving " + reused + " running)"));
            stop(components(), c -> started.contains(c.name));
            launcher.release();
        }));
        try {
            ensureInfra();
            for (String svc : StackConfig.SERVICES) createDatabase(StackConfig.defaultDatabase(svc), false);
            if (withServices) startServices(Map.of());
        } catch (RuntimeException e) {
            System.err.println("up failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        printStatus();
        System.out.println("Ctrl-C (or deploy/stack down" + (cfg.profile() == StackProfile.DEV ? "" : " --profile " + cfg.profile().id())
                + ") stops it.");
        while (launcher.stillClaimed()) {
            Thread.sleep(1_000);
        }
        System.exit(0); // deploy/stack down took the stack: the hook stops what is left of it
    }

    private static void redrive(String deadLetterTopic, String bootstrap, boolean dryRun) {
        int status = DeadLetterRedrive.run(deadLetterTopic, bootstrap, dryRun);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * {@code up [--no-services] | down | status | restart <service> | redrive <dead-letter-topic> [--dry-run]
     * [--bootstrap host:port]}, each with {@code [--profile dev|test]}. The build's own {@code down} (system-tests' last
     * step) keeps the stack when {@code -Dorgplatform.keep-stack=true}.
     */
    public static void main(String[] args) throws InterruptedException {
        String command = null;
        StackProfile profile = StackProfile.DEV;
        boolean withServices = true;
        boolean dryRun = false;
        String deadLetterTopic = null;
        String bootstrap = null;
        boolean bad = false;
        String service = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "up", "down", "status" -> command = args[i];
                case "restart" -> {
                    command = args[i];
                    if (i + 1 < args.length && (StackConfig.SERVICES.contains(args[i + 1]) || StackConfig.CONSOLE.equals(args[i + 1]))) {
                        service = args[++i];
                    } else {
                        bad = true;
                    }
                }
                case "redrive" -> {
                    command = args[i];
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        deadLetterTopic = args[++i];
                    } else {
                        bad = true;
                    }
                }
                case "--dry-run" -> dryRun = true;
                case "--bootstrap" -> {
                    if (i + 1 < args.length) {
                        bootstrap = args[++i];
                    } else {
                        bad = true;
                    }
                }
                case "--no-services" -> withServices = false;
                case "--profile" -> {
                    if (i + 1 < args.length && args[i + 1].matches("(?i)dev|test")) {
                        profile = StackProfile.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    } else {
                        bad = true;
                    }
                }
                default -> bad = true;
            }
        }
        if (command == null || bad) {
            System.err.println("usage: stack up [--no-services] | down | status | restart <service>"
                    + " | redrive <dead-letter-topic> [--dry-run] [--bootstrap host:port]  [--profile dev|test]\n"
                    + "  services: " + String.join(", ", StackConfig.SERVICES));
            System.exit(2);
        }
        if (command.equals("redrive")) {
            redrive(deadLetterTopic, bootstrap != null ? bootstrap : StackConfig.of(profile).kafkaBootstrap(), dryRun);
            return;
        }
        console = true;
        LocalStack stack = of(profile);
        switch (command) {
            case "up" -> stack.up(withServices);
            case "down" -> {
                if (Boolean.getBoolean("orgplatform.keep-stack")) {
                    log("keeping the " + profile.id() + " stack running (orgplatform.keep-stack); deploy/stack down --profile "
                            + profile.id() + " stops it");
                } else {
                    if (new Launcher(stack.cfg).endRunning(Duration.ofSeconds(120))) {
                        log("ended the running deploy/stack up of this stack");
                    }
                    stack.stopAll();
                }
            }
            case "restart" -> {
                try {
                    stack.restartService(service);
                } catch (RuntimeException e) {
                    System.err.println("restart failed: " + e.getMessage());
                    System.exit(1);
                }
            }
            default -> stack.printStatus();
        }
    }
}
