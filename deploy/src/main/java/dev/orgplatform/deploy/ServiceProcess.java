package dev.orgplatform.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One of the platform's Quarkus services, run from its packaged fast-jar. */
final class ServiceProcess extends Component {
    private final Map<String, String> config;
    private final Map<String, String> env;

    ServiceProcess(StackConfig cfg, String service, Map<String, String> config, Map<String, String> env) {
        super(cfg, service);
        this.config = config;
        this.env = env;
    }

    Path jar() {
        return cfg.repoRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    boolean healthy() {
        int status = httpStatus(url() + "/q/health/ready");
        return status == 200 || status == 404; // 404: a service without the health extension is up too
    }

    String url() {
        return "http://127.0.0.1:" + cfg.servicePort(name);
    }

    @Override
    List<Integer> ports() {
        return List.of(cfg.servicePort(name));
    }

    @Override
    String where() {
        return url();
    }

    @Override
    ProcessHandle launch(boolean fresh) {
        if (!Files.exists(jar())) {
            throw new IllegalStateException(jar() + " missing; build it: ./mvnw -DskipTests install");
        }
        List<String> cmd = new ArrayList<>(List.of(Proc.javaBin()));
        config.forEach((k, v) -> {
            // an env var naming the same property must win, but system properties outrank env in Quarkus
            if (!env.containsKey(envName(k))) cmd.add("-D" + k + "=" + v);
        });
        cmd.addAll(List.of("-jar", jar().toString()));
        return spawn(cmd, env);
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
