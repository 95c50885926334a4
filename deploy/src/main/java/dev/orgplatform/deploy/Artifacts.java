package dev.orgplatform.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Local-repository paths of the component runtimes, written into the jar at build time. */
final class Artifacts {
    private static final Properties PROPS = new Properties();

    static {
        try (InputStream in = resource("stack-artifacts.properties")) {
            PROPS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Artifacts() {
    }

    static String keycloakVersion() { return get("keycloak.version"); }

    static Path keycloakZip() { return existing(get("keycloak.zip")); }

    static Path greenmailJar() { return existing(get("greenmail.jar")); }

    static String postgresVersion() { return get("postgres.version"); }

    static Path postgresJar() { return existing(get("postgres.jar")); }

    static String kafkaClasspath() {
        try (InputStream in = resource("kafka.classpath")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String key) {
        String v = PROPS.getProperty(key);
        if (v == null || v.contains("${")) {
            throw new IllegalStateException(key + " was not filled in at build time; rebuild: ./mvnw -pl deploy install -DskipTests");
        }
        return v;
    }

    private static Path existing(String path) {
        Path p = Path.of(path);
        if (!Files.exists(p)) throw new IllegalStateException(p + " is gone from the local Maven repository; rebuild deploy");
        return p;
    }

    private static InputStream resource(String name) {
        InputStream in = Artifacts.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("resource " + name + " missing; rebuild deploy");
        return in;
    }
}
