package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Debian's PostgreSQL binaries, one cluster per profile. */
final class Postgres extends Component {
    private Path dataDir;

    Postgres(StackConfig cfg) {
        super(cfg, "postgres");
    }

    @Override
    boolean healthy() {
        return Proc.portOpen(cfg.pgPort())
                && Proc.run(List.of(bin("pg_isready"), "-q", "-h", cfg.pgHost(), "-p", Integer.toString(cfg.pgPort()),
                        "-t", "2"), Map.of(), Duration.ofSeconds(10)).code() == 0;
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
        Path data = dataDir();
        if (!Files.exists(data.resolve("PG_VERSION"))) initdb(data);
        List<String> cmd = new ArrayList<>();
        if (Proc.isRoot()) {
            // setpriv execs in place; runuser would stay as parent and SIGKILL postgres 2 s after a signal
            cmd.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        cmd.addAll(List.of(bin("postgres"), "-D", data.toString(), "-p", Integer.toString(cfg.pgPort())));
        return Proc.launch(cmd, Map.of(), log(), pidFile());
    }

    /** CREATE DATABASE, dropping it first (with its connections) when {@code fresh}. */
    void createDatabase(String name, boolean fresh) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("bad database name " + name);
        if (fresh) psql("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        else if (psql("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").output().trim().equals("1")) return;
        Proc.Result r = run(psqlCommand("CREATE DATABASE \"" + name + "\""));
        // a concurrent caller may have just created it
        if (r.code() != 0 && !r.output().contains("already exists")) throw new IllegalStateException("CREATE DATABASE " + name + ": " + r.output());
    }

    private Proc.Result psql(String sql) {
        Proc.Result r = run(psqlCommand(sql));
        if (r.code() != 0) throw new IllegalStateException(sql + ": " + r.output());
        return r;
    }

    private List<String> psqlCommand(String sql) {
        return List.of(bin("psql"), "-h", cfg.pgHost(), "-p", Integer.toString(cfg.pgPort()), "-U", cfg.pgUser(),
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-tA", "-c", sql);
    }

    private Proc.Result run(List<String> cmd) {
        return Proc.run(cmd, Map.of("PGPASSWORD", cfg.pgPassword(), "PGCONNECT_TIMEOUT", "5"), Duration.ofSeconds(120));
    }

    private void initdb(Path data) {
        try {
            deleteTree(data); // a half-done earlier initdb leaves a non-empty dir that initdb refuses
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            Path pw = Files.createTempFile("orgplatform-pg", ".pw");
            try {
                Files.writeString(pw, cfg.pgPassword());
                List<String> cmd = new ArrayList<>();
                if (Proc.isRoot()) {
                    chownToPostgres(data);
                    chownToPostgres(pw);
                    cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
                }
                cmd.addAll(List.of(bin("initdb"), "-D", data.toString(), "-U", cfg.pgUser(), "--pwfile=" + pw,
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
                    // throwaway test data: durability only costs time
                    test ? "fsync = off" : "",
                    test ? "synchronous_commit = off" : "",
                    test ? "full_page_writes = off" : "", ""), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("initdb in " + data, e);
        }
    }

    /** The data dir; as root it must be reachable by the postgres user (a home dir under /root is not). */
    synchronized Path dataDir() {
        if (dataDir != null) return dataDir;
        String override = cfg.pgDataDirOverride();
        Path d = override != null ? Path.of(override) : cfg.stateDir().resolve("postgres");
        if (override == null && Proc.isRoot() && !reachableByPostgres(d.getParent())) {
            d = Path.of("/var/lib/org-platform", cfg.profile().id(), "postgres");
        }
        return dataDir = d.toAbsolutePath();
    }

    private static boolean reachableByPostgres(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return false;
        }
        return Proc.run(List.of("runuser", "-u", "postgres", "--", "test", "-x", dir.toString()), Map.of(),
                Duration.ofSeconds(10)).code() == 0;
    }

    private static void chownToPostgres(Path p) throws IOException {
        UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("postgres"));
        view.setGroup(users.lookupPrincipalByGroupName("postgres"));
    }

    private static String bin(String tool) {
        return binDir().resolve(tool).toString();
    }

    static Path binDir() {
        String override = StackConfig.pgBinOverride();
        if (override != null) return Path.of(override);
        try (Stream<Path> s = Files.list(Path.of("/usr/lib/postgresql"))) {
            return s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("postgres")))
                    .max(Comparator.comparingInt(Postgres::majorVersion))
                    .orElseThrow(() -> new IOException("no bin/postgres"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL not found under /usr/lib/postgresql (apt-get install -y postgresql)"
                    + " or set -Dorgplatform.pg.bin", e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
