package dev.orgplatform.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One instance of the platform's Quarkus services, run from its packaged fast-jar. Replica 1 listens on the
 * service's port; replica n (for tests of several instances on one database and Kafka) 100 × (n − 1) above it.
 */
final class ServiceProcess extends Component {
    /** Extra instances a test may start beside the first. */
    static final int MAX_REPLICAS = 3;

    private final String service;
    private final int replica;
    private final Map<String, String> config;
    private final Map<String, String> env;

    ServiceProcess(StackConfig cfg, String service, Map<String, String> config, Map<String, String> env) {
        this(cfg, service, 1, config, env);
    }

    ServiceProcess(StackConfig cfg, String service, int replica, Map<String, String> config, Map<String, String> env) {
        super(cfg, replica == 1 ? service : service + "-" + replica);
        this.service = service;
        this.replica = replica;
        this.config = config;
        this.env = env;
    }

    static int port(StackConfig cfg, String service, int replica) {
        return cfg.servicePort(service) + 100 * (replica - 1);
    }

    boolean isExtraReplica() {
        return replica > 1;
    }

    Path jar() {
        return cfg.repoRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    boolean healthy() {
        int status = httpStatus(url() + "/q/health/ready");
        return status == 200 || status == 404; // 404: a service without the health extension is up too
    }

    String url() {
        return "http://127.0.0.1:" + port(cfg, service, replica);
    }

    @Override
    List<Integer> ports() {
        return List.of(port(cfg, service, replica));
    }

    @Override
    String where() {
        return url();
    }

    /** A recording instance writes its AOT cache after its own shutdown: about 20 s more here, killed it writes nothing. */
    @Override
    Duration stopGrace() {
        return ServiceJava.recording(aotDir(), service) ? Duration.ofSeconds(150) : super.stopGrace();
    }

    private Path aotDir() {
        return cfg.stateDir().resolve("aot");
    }

    @Override
    ProcessHandle launch(boolean fresh) {
        if (!Files.exists(jar())) {
            throw new IllegalStateException(jar() + " missing; build it: ./mvnw -DskipTests install");
        }
        ServiceJava java = ServiceJava.of(cfg);
        List<String> cmd = new ArrayList<>(List.of(java.bin()));
        cmd.addAll(cfg.serviceJvmOptions());
        cmd.addAll(java.aotOptions(jar().getParent(), aotDir(), service, replica));
        config.forEach((k, v) -> {
            // an env var naming the same property must win, but system properties outrank env in Quarkus
            if (!env.containsKey(envName(k))) cmd.add("-D" + k + "=" + v);
        });
        cmd.addAll(List.of("-jar", jar().toString()));
        Map<String, String> environment = new java.util.HashMap<>(StackConfig.JVM_ENVIRONMENT);
        environment.putAll(env);
        return spawn(cmd, environment);
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
