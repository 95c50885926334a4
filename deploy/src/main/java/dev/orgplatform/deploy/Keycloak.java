package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak in start-dev mode. Both profiles share one unpacked install (its one-time build step takes
 * over a minute) and differ only in runtime options: ports and the H2 database file.
 */
final class Keycloak extends Component {
    static final String REALM_FILE = "org-platform-realm.json";

    Keycloak(StackConfig cfg) {
        super(cfg, "keycloak");
    }

    @Override
    boolean healthy() {
        return httpStatus("http://127.0.0.1:" + cfg.keycloakManagementPort() + "/health/ready") == 200
                && httpStatus(cfg.realmUrl()) == 200;
    }

    @Override
    List<Integer> ports() {
        return List.of(cfg.keycloakPort(), cfg.keycloakManagementPort());
    }

    @Override
    String where() {
        return cfg.keycloakUrl() + "  realm " + cfg.realm() + ", admin " + cfg.keycloakAdminUser() + "/"
                + cfg.keycloakAdminPassword() + ", health :" + cfg.keycloakManagementPort();
    }

    @Override
    Duration startTimeout() {
        return Duration.ofMinutes(5);
    }

    /** The first start of a fresh install builds it: no other JVM may start Keycloak meanwhile. */
    @Override
    void start(boolean fresh) {
        Path home = install();
        if (Files.exists(builtMarker(home))) {
            super.start(fresh);
            return;
        }
        withInstallLock(home, () -> {
            super.start(fresh);
            Files.writeString(builtMarker(home), "");
        });
    }

    @Override
    ProcessHandle launch(boolean fresh) {
        Path home = install();
        Path db = cfg.stateDir().resolve("keycloak");
        if (fresh) deleteTree(db); // the realm is imported again only into an empty database
        try {
            Files.createDirectories(db);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Path tmp = Files.createTempFile(imports, "realm", ".tmp");
            try (InputStream in = realmJson()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, imports.resolve(REALM_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", cfg.keycloakAdminUser(),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", cfg.keycloakAdminPassword(),
                // db-url is a runtime option: switching it between profiles does not rebuild
                "KC_DB_URL", "jdbc:h2:file:" + db.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE",
                // kc.sh's own JVM settings, its heap included (-Xms64m -Xmx512m outside a container): with a 1 GB
                // heap Keycloak held a gigabyte after the benchmark's load
                "JAVA_HOME", System.getProperty("java.home"));
        // the same build-time options (health-enabled) on every start, or kc.sh rebuilds
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host", "127.0.0.1",
                "--http-port", Integer.toString(cfg.keycloakPort()),
                "--http-management-port", Integer.toString(cfg.keycloakManagementPort()),
                "--health-enabled", "true",
                "--import-realm");
        return spawn(cmd, env);
    }

    private InputStream realmJson() throws IOException {
        Path file = cfg.repoRoot().resolve("deploy/realm").resolve(REALM_FILE);
        if (Files.exists(file)) return Files.newInputStream(file);
        InputStream in = Keycloak.class.getResourceAsStream(REALM_FILE);
        if (in == null) throw new IOException("realm file " + REALM_FILE + " neither at " + file + " nor in the jar");
        return in;
    }

    private static Path builtMarker(Path home) {
        return home.resolve(".orgplatform-built");
    }

    /** Unpacks the distribution once into the shared cache. */
    static Path install() {
        Path home = StackConfig.keycloakHome(Artifacts.keycloakVersion());
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) return home;
        withInstallLock(home, () -> {
            if (Files.isExecutable(home.resolve("bin/kc.sh"))) return;
            Path tmp = home.resolveSibling(home.getFileName() + ".unpacking");
            deleteTree(tmp);
            unzip(Artifacts.keycloakZip(), tmp);
            deleteTree(home);
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
        });
        return home;
    }

    /** Strips the zip's top folder; marks bin/ scripts executable (java.util.zip keeps no modes). */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) continue;
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) throw new IOException("bad zip entry " + name);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out);
                }
                if (name.contains("/bin/") && name.endsWith(".sh")) out.toFile().setExecutable(true, false);
            }
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    /** Serialises work on the shared install across JVMs (file lock) and threads (monitor). */
    private static void withInstallLock(Path home, IoAction action) {
        synchronized (Keycloak.class) {
            // the first build of an install takes about 80 s on 2 cores, a slow one a few minutes
            try (StateLock ignored = StateLock.acquire(home.resolveSibling(home.getFileName() + ".lock"),
                    Duration.ofMinutes(8), "Keycloak install")) {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
