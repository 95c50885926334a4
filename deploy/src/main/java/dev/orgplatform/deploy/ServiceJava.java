package dev.orgplatform.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK a service runs on and, on JDK 25 or newer, its AOT cache (JEP 483/514/515: classes loaded and linked,
 * method profiles): the first start records it and writes it when the service stops; every later start of the same
 * build reads it (user-service measured 8-11 s to ready without it, 5.5 s with it). A changed build (another
 * fingerprint of its {@code quarkus-app} directory) records again. Only the first instance of a service records:
 * two writers of one file would race.
 */
final class ServiceJava {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");
    static final int AOT_CACHE_SINCE = 25;

    private final Path javaHome;
    private final int feature;
    private final boolean aotCache;

    ServiceJava(Path javaHome, boolean aotCache) {
        this.javaHome = javaHome;
        this.feature = featureVersion(javaHome);
        this.aotCache = aotCache && feature >= AOT_CACHE_SINCE;
    }

    /**
     * {@code service-java-home} if set; otherwise, where AOT caches are wanted, the newest JDK of 25 or more under
     * /usr/lib/jvm, else the launcher's own JDK.
     */
    static ServiceJava of(StackConfig cfg) {
        String configured = cfg.serviceJavaHome();
        Path launcher = Path.of(System.getProperty("java.home"));
        boolean aot = cfg.serviceAotCache();
        Path home = configured != null ? Path.of(configured)
                : aot ? newestInstalled(Path.of("/usr/lib/jvm")).orElse(launcher) : launcher;
        return new ServiceJava(home, aot);
    }

    String bin() {
        return javaHome.resolve("bin/java").toString();
    }

    /** The options for this start of instance {@code replica} of the build in {@code app} ({@code quarkus-app}). */
    List<String> aotOptions(Path app, Path cacheDir, String service, int replica) {
        if (!aotCache) {
            return List.of();
        }
        Path cache = cacheDir.resolve(service + ".aot");
        Path stamp = cacheDir.resolve(service + ".aot.build");
        Path unfinished = configuration(cacheDir, service);
        String build = fingerprint(app) + " " + javaHome;
        try {
            if (Files.exists(cache) && !Files.exists(unfinished) && Files.exists(stamp) && Files.readString(stamp).equals(build)) {
                return List.of("-XX:AOTCache=" + cache);
            }
            if (replica != 1) {
                return List.of();
            }
            Files.createDirectories(cacheDir);
            Files.deleteIfExists(cache);
            Files.deleteIfExists(unfinished);
            Files.writeString(stamp, build);
            return List.of("-XX:AOTCacheOutput=" + cache);
        } catch (IOException e) {
            return List.of(); // no cache: the service starts as it would without one
        }
    }

    /** Whether an instance of {@code service} is recording its cache, or was cut short while writing it. */
    static boolean recording(Path cacheDir, String service) {
        return Files.exists(configuration(cacheDir, service));
    }

    /**
     * What a recording instance has observed; the JVM deletes it once the cache is written, so one left behind means
     * the writing was cut short.
     */
    private static Path configuration(Path cacheDir, String service) {
        return cacheDir.resolve(service + ".aot.config");
    }

    static Optional<Path> newestInstalled(Path jvms) {
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && featureVersion(h) >= AOT_CACHE_SINCE)
                    .filter(h -> !Files.isSymbolicLink(h))
                    .max(Comparator.comparingInt(ServiceJava::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version named in the JDK's {@code release} file; 0 when unreadable. */
    static int featureVersion(Path javaHome) {
        try {
            Matcher m = VERSION.matcher(Files.readString(javaHome.resolve("release")));
            if (!m.find()) {
                return 0;
            }
            int first = Integer.parseInt(m.group(1));
            return first == 1 ? 8 : first; // "1.8.0_..."
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Names, sizes and modification times of every file of the build. */
    static String fingerprint(Path app) {
        try (Stream<Path> files = Files.walk(app)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            for (Path f : sorted) {
                sha.update((app.relativize(f) + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis() + "\n").getBytes());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
