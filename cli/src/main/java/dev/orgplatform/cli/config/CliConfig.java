package dev.orgplatform.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The user's config directory ({@code --config-dir}, else {@code ORGPLATFORM_CONFIG_DIR}, else
 * {@code $XDG_CONFIG_HOME/orgplatform}, else {@code ~/.config/orgplatform}): {@code config.json} (endpoints and the
 * default organization) and {@code session.json} (the sign-in), both readable by the owner only.
 */
public final class CliConfig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public CliConfig(Path dir) {
        this.dir = dir;
    }

    public static Path defaultDir(Map<String, String> env) {
        if (env.get("ORGPLATFORM_CONFIG_DIR") != null) {
            return Path.of(env.get("ORGPLATFORM_CONFIG_DIR"));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config")).resolve("orgplatform");
    }

    public Path dir() {
        return dir;
    }

    /** The settings of config.json as flat keys ({@code org-service-url}, {@code organization}, ...). */
    public Map<String, String> settings() {
        ObjectNode node = read("config.json");
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    public void set(String key, String value) {
        ObjectNode node = read("config.json");
        if (value == null) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
        write("config.json", node);
    }

    public Endpoints endpoints(Map<String, String> flags, Map<String, String> env) {
        return Endpoints.resolve(flags, env, settings());
    }

    public ObjectNode read(String file) {
        Path f = dir.resolve(file);
        try {
            return Files.exists(f) ? (ObjectNode) JSON.readTree(f.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** Written whole (a crash leaves the old file), readable and writable by the owner only. */
    public void write(String file, ObjectNode node) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
            Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }

    public void delete(String file) {
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
