package dev.orgplatform.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ports, directories and credentials of one local stack.
 *
 * <p>Every value can be overridden by the system property {@code orgplatform.<dev|test>.<key>} or the
 * environment variable {@code ORGPLATFORM_<DEV|TEST>_<KEY>} (upper case, '.' and '-' as '_'), e.g.
 * {@code -Dorgplatform.test.pg.port=35432} or {@code ORGPLATFORM_DEV_KEYCLOAK_PORT=9080}. Keys:
 * {@code state-dir, pg.port, pg.user, pg.password, pg.data-dir, kafka.port, kafka.controller-port,
 * keycloak.port, keycloak.management-port, keycloak.admin-user, keycloak.admin-password, smtp.port,
 * imap.port, <service>.port} (e.g. {@code org-service.port}), and {@code port-offset}, added to every default port
 * (the test stack then keeps its state in {@code target/test-stack-<offset>}).
 * Shared by both profiles: {@code orgplatform.root} / {@code ORGPLATFORM_ROOT} (repository root),
 * {@code orgplatform.cache-dir} (unpacked installs, default ~/.cache/org-platform), {@code orgplatform.keycloak.home}
 * (Keycloak install).
 */
public final class StackConfig {
    public static final List<String> SERVICES =
            List.of("org-service", "user-service", "invitation-service", "billing-service");
    /** The web console: started with the services, calls them with the signed-in person's token; no database. */
    public static final String CONSOLE = "console";
    /**
     * Every service's JVM: a bounded heap that gives back what a burst (or loading the access view) took, once a
     * collection leaves it mostly free; and native memory the JVM freed (the compilers' arenas above all) given back to
     * the system every few seconds instead of kept by the C library (about 30 MB a service).
     */
    static final String DEFAULT_SERVICE_JVM_OPTIONS = "-XX:+UseSerialGC -Xms16m -Xmx256m -XX:MinHeapFreeRatio=10 "
            + "-XX:MaxHeapFreeRatio=30 -Xss512k -XX:+ExitOnOutOfMemoryError -XX:+UnlockExperimentalVMOptions "
            + "-XX:TrimNativeHeapInterval=5000";
    /** The environment of the services', Kafka's and the mail server's JVMs: two C-library malloc arenas, not eight per core. */
    static final Map<String, String> JVM_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    /**
     * Kafka's and the mail server's JVM, as lean as the services' (each adds its own heap cap): the default collector
     * took heap it never gave back (the mail server 55 MB at start, 252 MB after the benchmark's mails). Keycloak keeps
     * its own settings: it is what the benchmark compares the platform with.
     */
    static final List<String> INFRASTRUCTURE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError", "-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");
    /**
     * The test stack's services live for minutes and are judged on their answers, not their speed: the quick compiler
     * only (C1) starts them in about half the time on two cores (ReplicasIT's second instances 43 s to 24 s). The
     * benchmarks, which judge speed, turn it off ({@code orgplatform.test.service-quick-compiler-only=false}).
     */
    static final String QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";
    /** The topics the services publish to, each owned by one service (created before the services start). */
    public static final List<String> TOPICS = List.of("organizations", "memberships", "apikeys", "invitations", "billing", "sso");
    private static final Map<String, String> DEV_DATABASES = Map.of(
            "org-service", "org", "user-service", "users", "invitation-service", "invitations",
            "billing-service", "billing");

    private final StackProfile profile;
    private final int portOffset;
    private final Path repoRoot;
    private final Path stateDir;
    private final int pgPort, kafkaPort, kafkaControllerPort, keycloakPort, keycloakManagementPort, smtpPort, imapPort, dnsPort;
    private final String pgUser, pgPassword, adminUser, adminPassword;
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();

    private StackConfig(StackProfile profile) {
        this.profile = profile;
        boolean dev = profile == StackProfile.DEV;
        repoRoot = findRepoRoot();
        // a port offset gives a whole second stack (own ports, own state): parallel builds on one machine
        portOffset = Integer.parseInt(get("port-offset", "0").trim());
        stateDir = Path.of(get("state-dir", dev
                ? Path.of(System.getProperty("user.home"), ".local/share/org-platform/dev").toString()
                : repoRoot.resolve(portOffset == 0 ? "target/test-stack" : "target/test-stack-" + portOffset).toString()))
                .toAbsolutePath();
        pgPort = port("pg.port", dev ? 15432 : 25432);
        kafkaPort = port("kafka.port", dev ? 19092 : 29092);
        kafkaControllerPort = port("kafka.controller-port", dev ? 19093 : 29093);
        keycloakPort = port("keycloak.port", dev ? 18080 : 28080);
        keycloakManagementPort = port("keycloak.management-port", dev ? 18081 : 28081);
        smtpPort = port("smtp.port", dev ? 13025 : 23025);
        imapPort = port("imap.port", dev ? 13143 : 23143);
        dnsPort = port("dns.port", dev ? 18053 : 28053);
        pgUser = get("pg.user", "platform");
        pgPassword = get("pg.password", "platform");
        adminUser = get("keycloak.admin-user", "admin");
        adminPassword = get("keycloak.admin-password", "admin");
        int[] devPorts = {8081, 8082, 8083, 8084};
        for (int i = 0; i < SERVICES.size(); i++) {
            String s = SERVICES.get(i);
            servicePorts.put(s, port(s + ".port", dev ? devPorts[i] : 28181 + i));
        }
        servicePorts.put(CONSOLE, port(CONSOLE + ".port", dev ? 8085 : 28185));
    }

    public static StackConfig of(StackProfile p) {
        return new StackConfig(p);
    }

    public StackProfile profile() { return profile; }
    public String pgHost() { return "127.0.0.1"; }
    public int pgPort() { return pgPort; }
    public String pgUser() { return pgUser; }
    public String pgPassword() { return pgPassword; }
    public String kafkaBootstrap() { return "127.0.0.1:" + kafkaPort; }
    public int kafkaPort() { return kafkaPort; }
    public int kafkaControllerPort() { return kafkaControllerPort; }
    public String keycloakUrl() { return "http://127.0.0.1:" + keycloakPort; }
    public int keycloakPort() { return keycloakPort; }
    public int keycloakManagementPort() { return keycloakManagementPort; }
    public String realm() { return "org-platform"; }
    public String realmUrl() { return keycloakUrl() + "/realms/" + realm(); }
    public String keycloakAdminUser() { return adminUser; }
    public String keycloakAdminPassword() { return adminPassword; }
    public String smtpHost() { return "127.0.0.1"; }
    public int smtpPort() { return smtpPort; }
    public int imapPort() { return imapPort; }
    /** Where the tests' own DNS server answers (user-service verifies domains there in the test profile). */
    public int dnsPort() { return dnsPort; }
    public Path stateDir() { return stateDir; }
    public Path repoRoot() { return repoRoot; }

    /** What every process of this stack carries in its environment: its state directory, unique per stack. */
    String marker() { return stateDir.toString(); }

    /**
     * The JVM options of every service process ({@code orgplatform.<profile>.service-jvm-options}): the serial collector
     * (two cores, small heaps) and a bounded heap, so a service's memory stays where it was measured
     * ({@code deploy/bench/run}) instead of growing toward a quarter of the machine. The test stack's add C1 only, unless
     * {@code orgplatform.<profile>.service-quick-compiler-only} says otherwise.
     */
    public List<String> serviceJvmOptions() {
        boolean quickOnly = Boolean.parseBoolean(get("service-quick-compiler-only", String.valueOf(profile != StackProfile.DEV)));
        String defaults = DEFAULT_SERVICE_JVM_OPTIONS + (quickOnly ? " " + QUICK_COMPILER_ONLY : "");
        return List.of(get("service-jvm-options", defaults).trim().split("\\s+"));
    }

    /** The JDK the services run on ({@code orgplatform.<profile>.service-java-home}); null: see {@link ServiceJava#of}. */
    String serviceJavaHome() {
        return get("service-java-home", null);
    }

    /**
     * Whether services keep an AOT cache between starts ({@code orgplatform.<profile>.service-aot-cache}; on JDK 25 or
     * newer only). Off unless asked for: a recording run of user-service was seen to run out of heap under the
     * benchmark, not yet understood.
     */
    boolean serviceAotCache() {
        return Boolean.parseBoolean(get("service-aot-cache", "false"));
    }

    /** Where people open the console (localhost: the host name Keycloak's redirect URIs name). */
    public String consoleUrl() { return "http://localhost:" + servicePort(CONSOLE); }

    public int servicePort(String service) {
        Integer p = servicePorts.get(service);
        if (p == null) throw new IllegalArgumentException("unknown service " + service + ", expected one of " + SERVICES);
        return p;
    }

    /** The database a service uses in the dev stack (and under {@code up}). */
    public static String defaultDatabase(String service) {
        String db = DEV_DATABASES.get(service);
        if (db == null) throw new IllegalArgumentException("unknown service " + service);
        return db;
    }

    /** Explicit PostgreSQL data dir, or null for the default under the state dir. */
    String pgDataDirOverride() { return get("pg.data-dir", null); }

    /** Where unpacked component installs (Keycloak, PostgreSQL) are kept for every stack of this user. */
    static Path cacheDir() {
        return Path.of(global("orgplatform.cache-dir", Path.of(System.getProperty("user.home"), ".cache/org-platform").toString()));
    }

    static Path keycloakHome(String version) {
        return Path.of(global("orgplatform.keycloak.home", cacheDir().resolve("keycloak-" + version).toString()));
    }

    private int port(String key, int def) {
        return Integer.parseInt(get(key, Integer.toString(def + portOffset)).trim());
    }

    private String get(String key, String def) {
        return global("orgplatform." + profile.id() + "." + key, def);
    }

    static String global(String property, String def) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        return v == null || v.isBlank() ? def : v;
    }

    private static Path findRepoRoot() {
        String root = global("orgplatform.root", null);
        if (root != null) return Path.of(root).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) return p;
        }
        return cwd;
    }
}
