package dev.orgplatform.deploy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A single-node KRaft Kafka (broker and controller in one JVM). */
final class Kafka extends Component {
    Kafka(StackConfig cfg) {
        super(cfg, "kafka");
    }

    private Path dir() { return cfg.stateDir().resolve("kafka"); }

    @Override
    List<Integer> ports() {
        return List.of(cfg.kafkaPort(), cfg.kafkaControllerPort());
    }

    @Override
    String where() {
        return cfg.kafkaBootstrap() + "  (controller " + cfg.kafkaControllerPort() + ")";
    }

    /** Healthy once the broker answers an ApiVersions request (it only does after startup completes). */
    @Override
    boolean healthy() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", cfg.kafkaPort()), 1000);
            s.setSoTimeout(2000);
            byte[] client = "orgplatform-deploy".getBytes(StandardCharsets.UTF_8);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(2 + 2 + 4 + 2 + client.length);
            out.writeShort(18); // ApiVersions
            out.writeShort(0);  // v0: no tagged fields, plain header
            out.writeInt(4711); // correlation id
            out.writeShort(client.length);
            out.write(client);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            in.readInt(); // size
            return in.readInt() == 4711 && in.readShort() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates the platform's topics before any service starts: consumers then join existing partitions at once
     * instead of waiting for metadata refreshes while producers auto-create them.
     */
    @Override
    void afterStart() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cfg.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = StackConfig.TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
            if (!missing.isEmpty()) admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException("creating topics: " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("creating topics: " + e, e);
        }
    }

    @Override
    ProcessHandle launch(boolean fresh) {
        Path data = dir().resolve("data");
        Path props = dir().resolve("server.properties");
        Path args = dir().resolve("jvm.args");
        try {
            if (fresh) deleteTree(data);
            Files.createDirectories(dir());
            Files.writeString(props, serverProperties(data));
            // an argument file keeps the long classpath out of ps and the command line
            Files.writeString(args, "-cp \"" + Artifacts.kafkaClasspath() + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            deleteTree(data);
            List<String> format = java(args, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", props.toString());
            Proc.runOrThrow(format, Map.of(), Duration.ofMinutes(2));
        }
        return spawn(java(args, "kafka.Kafka", props.toString()), StackConfig.JVM_ENVIRONMENT);
    }

    private static List<String> java(Path args, String main, String... rest) {
        List<String> cmd = new ArrayList<>(List.of(Proc.javaBin(), "-Xmx512m"));
        cmd.addAll(StackConfig.INFRASTRUCTURE_JVM_OPTIONS);
        cmd.addAll(List.of("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "@" + args, main));
        cmd.addAll(List.of(rest));
        return cmd;
    }

    private String serverProperties(Path data) {
        int port = cfg.kafkaPort();
        int controller = cfg.kafkaControllerPort();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumers join at once instead of waiting 3 s for more members
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    private static String clusterId() {
        while (true) {
            UUID u = UUID.randomUUID();
            ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (!id.startsWith("-")) return id;
        }
    }
}
