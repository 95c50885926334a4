package dev.orgplatform.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * The Kubernetes manifests as a cluster would receive them: every overlay rendered by kustomize, every object read
 * into its model (Kubernetes' through fabric8, Strimzi's through its own API model) with no field the model does not
 * know, the policy every application container must follow, and the generated manifests still what each
 * application's configuration generates.
 */
class KubernetesManifestsTest {

    static final List<String> APPS = List.of("org-service", "user-service", "invitation-service", "billing-service", "console");
    static final List<String> SERVICES = APPS.subList(0, 4);
    private static final Path ROOT = repositoryRoot();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final Map<String, Class<?>> STRIMZI = Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);
    /** Custom resources of operators without a Java model here: the fields each must have. */
    private static final Map<String, List<String>> OTHER_OPERATORS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", List.of("/spec/instances", "/spec/storage/size", "/spec/imageName"),
            "postgresql.cnpg.io/v1/Database", List.of("/spec/name", "/spec/owner", "/spec/cluster/name"),
            "postgresql.cnpg.io/v1/ScheduledBackup", List.of("/spec/schedule", "/spec/cluster/name"),
            "k8s.keycloak.org/v2alpha1/Keycloak", List.of("/spec/image", "/spec/db/host", "/spec/db/passwordSecret/name", "/spec/hostname/hostname"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", List.of("/spec/keycloakCRName", "/spec/realm/realm"));
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|jaas|credential|private).*");
    private static final Pattern PINNED_DIGEST = Pattern.compile("@sha256:[a-f0-9]{64}$");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheOverlayParsesIntoItsModelWithNoUnknownField(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        assertTrue(objects.size() > 50, "the whole suite: " + objects.size());
        for (JsonNode o : objects) {
            String what = describe(o);
            String api = o.path("apiVersion").asText();
            String kind = o.path("kind").asText();
            if (api.startsWith("kafka.strimzi.io/")) {
                Class<?> model = STRIMZI.get(kind);
                assertTrue(model != null, what + ": no Strimzi kind of that name");
                noUnknownFields(YAML.treeToValue(o, model), what);
            } else if (OTHER_OPERATORS.containsKey(api + "/" + kind)) {
                for (String field : OTHER_OPERATORS.get(api + "/" + kind)) {
                    assertFalse(o.at(field).isMissingNode() || o.at(field).isNull(), what + " lacks " + field);
                }
            } else {
                Object parsed = KUBERNETES.unmarshal(YAML.writeValueAsString(o));
                assertFalse(parsed instanceof GenericKubernetesResource, what + ": not a kind Kubernetes knows");
                noUnknownFields(parsed, what);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationContainerFollowsThePolicy(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        Set<String> deployments = new HashSet<>();
        for (JsonNode o : objects) {
            assertFalse("Secret".equals(o.path("kind").asText()), describe(o) + ": no Secret values in the repository, references only");
            for (String field : List.of("image", "imageName")) { // the operators' images (Keycloak, PostgreSQL)
                JsonNode image = o.path("spec").path(field);
                assertTrue(!image.isTextual() || pinned(image.asText()), describe(o) + ": image not pinned: " + image);
            }
            if (!"Deployment".equals(o.path("kind").asText())) {
                continue;
            }
            Deployment d = (Deployment) KUBERNETES.unmarshal(YAML.writeValueAsString(o));
            String name = d.getMetadata().getName();
            deployments.add(name);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertTrue(d.getSpec().getReplicas() >= 2, name + ": more than one of everything");
            assertTrue(pod.getTerminationGracePeriodSeconds() != null && pod.getTerminationGracePeriodSeconds() >= 30, name + ": grace period");
            assertFalse(pod.getTopologySpreadConstraints().isEmpty(), name + ": spread over nodes");
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                assertTrue(c.getReadinessProbe() != null && c.getLivenessProbe() != null && c.getStartupProbe() != null, where + ": probes");
                assertTrue(c.getResources() != null && c.getResources().getRequests().containsKey("cpu")
                        && c.getResources().getRequests().containsKey("memory") && c.getResources().getLimits().containsKey("memory"),
                        where + ": requests and limits");
                assertTrue(Boolean.TRUE.equals(c.getSecurityContext().getRunAsNonRoot())
                        || podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()), where + ": non-root");
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where + ": read-only root filesystem");
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where + ": no privilege escalation");
                assertTrue(pinned(c.getImage()), where + ": image not pinned: " + c.getImage());
                assertTrue(c.getLifecycle() != null && c.getLifecycle().getPreStop() != null, where + ": leaves the endpoints before it stops");
                for (EnvVar e : c.getEnv()) {
                    assertFalse(SECRET_NAME.matcher(e.getName()).matches() && e.getValue() != null,
                            where + ": " + e.getName() + " is a secret and must come from a Secret, not a value");
                }
            }
        }
        assertEquals(Set.copyOf(APPS), deployments, "one Deployment per application");
        for (String app : APPS) {
            for (String kind : List.of("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy")) {
                assertTrue(objects.stream().anyMatch(o -> kind.equals(o.path("kind").asText())
                        && app.equals(o.path("metadata").path("name").asText())), app + " has no " + kind);
            }
        }
    }

    /** The one-off tools operators apply (deploy/k8s/tools) follow the same model and container policy. */
    @Test
    void theToolsParseAndFollowTheContainerPolicy() throws Exception {
        List<Path> tools;
        try (var files = Files.list(ROOT.resolve("deploy/k8s/tools"))) {
            tools = files.filter(f -> f.toString().endsWith(".yaml")).toList();
        }
        assertFalse(tools.isEmpty());
        for (Path tool : tools) {
            for (JsonNode o : documents(Files.readString(tool))) {
                Object parsed = KUBERNETES.unmarshal(YAML.writeValueAsString(o));
                noUnknownFields(parsed, tool.getFileName() + " " + describe(o));
                if (parsed instanceof io.fabric8.kubernetes.api.model.batch.v1.Job job) {
                    PodSpec pod = job.getSpec().getTemplate().getSpec();
                    for (Container c : pod.getContainers()) {
                        String where = tool.getFileName() + "/" + c.getName();
                        assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), where + ": non-root");
                        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where + ": read-only root filesystem");
                        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where + ": no privilege escalation");
                        assertTrue(pinned(c.getImage()), where + ": image not pinned");
                        assertTrue(c.getResources().getLimits().containsKey("memory"), where + ": memory limit");
                        c.getEnv().forEach(e -> assertFalse(SECRET_NAME.matcher(e.getName()).matches() && e.getValue() != null, where + ": " + e.getName()));
                    }
                }
            }
        }
    }

    /** Every topic a service consumes or dead-letters to exists, and only a topic's owner may write to it. */
    @Test
    void topicsAndAclsFollowWhatTheServicesConsumeAndOwn() throws Exception {
        List<JsonNode> objects = render("prod");
        Map<String, KafkaTopic> topics = objects.stream().filter(o -> "KafkaTopic".equals(o.path("kind").asText()))
                .map(o -> YAML.convertValue(o, KafkaTopic.class)).collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
        Map<String, List<AclRule>> acls = objects.stream().filter(o -> "KafkaUser".equals(o.path("kind").asText()))
                .map(o -> YAML.convertValue(o, KafkaUser.class))
                .collect(Collectors.toMap(u -> u.getMetadata().getName().replaceFirst("-kafka$", ""),
                        u -> ((KafkaUserAuthorizationSimple) u.getSpec().getAuthorization()).getAcls()));
        for (String service : SERVICES) {
            Properties config = new Properties();
            try (var in = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                config.load(in);
            }
            for (String key : config.stringPropertyNames()) {
                if (!key.startsWith("mp.messaging.incoming.")) {
                    continue;
                }
                if (key.endsWith(".topic") || key.endsWith(".topics")) {
                    for (String topic : config.getProperty(key).split(",")) {
                        assertTrue(topics.containsKey(topic.trim()), key + ": no KafkaTopic " + topic);
                        assertTrue(allows(acls.get(service), topic.trim(), AclOperation.READ), service + " may not read " + topic);
                    }
                }
                if (key.endsWith(".dead-letter-queue.topic")) {
                    String dlq = config.getProperty(key);
                    assertTrue(topics.containsKey(dlq), key + ": no KafkaTopic " + dlq);
                    assertTrue(allows(acls.get(service), dlq, AclOperation.WRITE), service + " may not write " + dlq);
                }
            }
        }
        for (KafkaTopic topic : topics.values()) {
            String owner = topic.getMetadata().getAnnotations().get("org-platform/owner");
            if (owner == null) {
                continue; // a dead-letter topic: written by the consumer it belongs to
            }
            for (var user : acls.entrySet()) {
                // the operators' re-drive writes a dead letter back where it came from
                boolean mayWrite = user.getKey().equals(owner) || user.getKey().equals("dead-letter-redrive");
                assertEquals(mayWrite, allows(user.getValue(), topic.getMetadata().getName(), AclOperation.WRITE),
                        user.getKey() + " writing " + topic.getMetadata().getName() + " (owned by " + owner + ")");
            }
        }
    }

    /** What deploy/k8s/regenerate copied is still what the build generates from each application's configuration. */
    @Test
    void theCommittedManifestsAreWhatTheConfigurationGenerates() throws Exception {
        for (String app : APPS) {
            Path generated = ROOT.resolve(app + "/target/kubernetes/kubernetes.yml");
            assertTrue(Files.exists(generated), generated + " is missing: package " + app + " first");
            // compared as objects: quarkus-kubernetes writes a map's keys in no fixed order
            assertEquals(documents(Files.readString(generated)), documents(Files.readString(ROOT.resolve("deploy/k8s/base/apps/" + app + ".yaml"))),
                    "deploy/k8s/base/apps/" + app + ".yaml differs from what " + app + "'s configuration generates: run deploy/k8s/regenerate");
        }
        JsonNode realmImport = YAML.readTree(ROOT.resolve("deploy/k8s/base/keycloak/realm-import.yaml").toFile());
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("deploy/k8s/base/keycloak/realm/org-platform-realm.json").toFile());
        assertEquals(realm, realmImport.path("spec").path("realm"), "realm-import.yaml is not the production realm: run deploy/k8s/regenerate");
        for (String placeholder : placeholders(realm)) {
            assertFalse(realmImport.path("spec").path("placeholders").path(placeholder).path("secret").path("name").isMissingNode(),
                    "the realm's ${" + placeholder + "} has no Secret to fill it");
        }
    }

    private static Set<String> placeholders(JsonNode realm) {
        return Pattern.compile("\\$\\{([A-Z_]+)}").matcher(realm.toString()).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static boolean allows(List<AclRule> rules, String topic, AclOperation operation) {
        return rules != null && rules.stream().anyMatch(r -> r.getResource() instanceof AclRuleTopicResource t
                && (t.getPatternType() == AclResourcePatternType.PREFIX ? topic.startsWith(t.getName()) : topic.equals(t.getName()))
                && r.getOperations() != null && r.getOperations().contains(operation));
    }

    /** A digest, or an explicit tag other than latest (on the last path segment: a registry may carry a port). */
    private static boolean pinned(String image) {
        if (image == null || image.isBlank()) {
            return false;
        }
        if (PINNED_DIGEST.matcher(image).find()) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon > 0 && colon < last.length() - 1 && !last.endsWith(":latest");
    }

    /** Fails on any field a model kept aside as unknown ({@code additionalProperties}), anywhere in the object. */
    private static void noUnknownFields(Object model, String what) {
        List<String> unknown = new ArrayList<>();
        walk(model, what, unknown, new IdentityHashMap<>());
        assertTrue(unknown.isEmpty(), "fields the model does not know: " + unknown);
    }

    private static void walk(Object o, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = m.invoke(o);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    walk(value, path + "." + m.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that needs more than the object: not a field
            }
        }
    }

    /** The overlay as kustomize renders it (kubectl's built-in kustomize; nothing talks to a cluster). */
    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays/" + overlay).toString())
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("kubectl kustomize did not finish in 60 s");
        }
        assertEquals(0, p.exitValue(), "kubectl kustomize " + overlay + " failed: " + err);
        return documents(new String(out, StandardCharsets.UTF_8));
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(n -> {
                if (n != null && !n.isNull() && !n.isEmpty()) {
                    objects.add(n);
                }
            });
        }
        return objects;
    }

    private static String describe(JsonNode o) {
        return o.path("kind").asText() + " " + o.path("metadata").path("name").asText();
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("deploy/k8s"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the repository: no deploy/k8s above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
