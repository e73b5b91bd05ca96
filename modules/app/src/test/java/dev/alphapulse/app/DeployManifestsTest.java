package dev.alphapulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes manifests under {@code deploy/} agree with the code they deploy: the container
 * arguments are valid {@code alphapulse node} options, the ports that discovery, probes and the
 * service use are the ones the node is told to open, the pod labels match Cluster Bootstrap's
 * selector, the service account may list pods, and the image copies the jar the build produces. (No
 * Kubernetes cluster is available to the build; this is what can be checked without one.)
 */
class DeployManifestsTest {
  private static final Path DEPLOY = Path.of("../../deploy");
  private static final Pattern ENV_REF = Pattern.compile("\\$\\(([A-Z_]+)\\)");
  private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Path> files;
    try (Stream<Path> s = Files.list(DEPLOY.resolve("k8s"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          String kind = doc.path("kind").asText();
          assertThat(BY_KIND).as("one %s in %s", kind, f).doesNotContainKey(kind);
          BY_KIND.put(kind, doc);
        }
      }
    }
  }

  private static JsonNode container() {
    JsonNode containers = BY_KIND.get("Deployment").at("/spec/template/spec/containers");
    assertThat(containers.size()).isEqualTo(1);
    return containers.get(0);
  }

  /** The container's arguments with {@code $(VAR)} replaced by a plausible value of that env. */
  private static String[] args() {
    Map<String, String> sample =
        Map.of(
            "POD_IP", "10.1.2.3",
            "JOURNAL_URL", "jdbc:postgresql://postgres:5432/alphapulse?user=alphapulse");
    List<String> env = new ArrayList<>();
    container().path("env").forEach(e -> env.add(e.path("name").asText()));
    List<String> out = new ArrayList<>();
    for (JsonNode a : container().path("args")) {
      Matcher m = ENV_REF.matcher(a.asText());
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        assertThat(env).as("env of %s", a.asText()).contains(m.group(1));
        m.appendReplacement(b, Matcher.quoteReplacement(sample.get(m.group(1))));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out.toArray(String[]::new);
  }

  private static int containerPort(String name) {
    for (JsonNode p : container().path("ports")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + name);
  }

  private static String env(String name) {
    for (JsonNode e : container().path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e.path("value").asText(null);
      }
    }
    return null;
  }

  @Test
  void containerArgumentsAreNodeOptionsThatOpenTheDeclaredPorts() {
    String[] args = args();
    assertThat(args[0]).isEqualTo("node");
    NodeCommand node = new NodeCommand();
    new CommandLine(node).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
    assertThat(node.host).isEqualTo("10.1.2.3");
    assertThat(node.discovery).isEqualTo("kubernetes-api");
    assertThat(node.journal).startsWith("jdbc:postgresql://");
    assertThat(node.port).isEqualTo(containerPort("remoting"));
    assertThat(node.managementPort).isEqualTo(containerPort("management"));
    assertThat(node.grpcPort).isEqualTo(containerPort("grpc"));
    assertThat(container().at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
    assertThat(container().at("/livenessProbe/httpGet/path").asText()).isEqualTo("/alive");
    assertThat(container().at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
    assertThat(container().at("/livenessProbe/httpGet/port").asText()).isEqualTo("management");
  }

  @Test
  void bootstrapFindsThePodsByTheirLabelOnTheManagementPort() {
    JsonNode deployment = BY_KIND.get("Deployment");
    JsonNode labels = deployment.at("/spec/template/metadata/labels");
    assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(labels);
    // Discovery's default selector "app=%s", with %s the bootstrap service name.
    String selector =
        ConfigFactory.load().getString("pekko.discovery.kubernetes-api.pod-label-selector");
    String service = env("PEKKO_CLUSTER_BOOTSTRAP_SERVICE_NAME");
    String[] kv = String.format(selector, service).split("=", 2);
    assertThat(labels.path(kv[0]).asText()).isEqualTo(kv[1]);
    assertThat(env("PEKKO_CLUSTER_BOOTSTRAP_PORT_NAME")).isEqualTo("management");
    containerPort(env("PEKKO_CLUSTER_BOOTSTRAP_PORT_NAME"));
    // An odd number of nodes for the keep-majority split brain resolver.
    assertThat(deployment.at("/spec/replicas").asInt() % 2).isEqualTo(1);
    assertThat(BY_KIND.get("Service").at("/spec/selector")).isEqualTo(labels);
    assertThat(BY_KIND.get("Service").at("/spec/ports/0/targetPort").asText()).isEqualTo("grpc");
    assertThat(BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels"))
        .isEqualTo(labels);
  }

  @Test
  void theNodesServiceAccountMayListPods() {
    String account =
        BY_KIND.get("Deployment").at("/spec/template/spec/serviceAccountName").asText();
    assertThat(BY_KIND.get("ServiceAccount").at("/metadata/name").asText()).isEqualTo(account);
    JsonNode binding = BY_KIND.get("RoleBinding");
    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(account);
    JsonNode role = BY_KIND.get("Role");
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo(role.at("/metadata/name").asText());
    JsonNode rule = role.at("/rules/0");
    assertThat(rule.path("resources").toString()).contains("\"pods\"");
    assertThat(rule.path("verbs").toString()).contains("\"get\"", "\"watch\"", "\"list\"");
  }

  @Test
  void theImageRunsTheJarTheBuildProducesAndTheSecretIsWhereTheDeploymentReadsIt()
      throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
    assertThat(dockerfile)
        .contains("COPY modules/app/target/alphapulse-app.jar /opt/alphapulse/alphapulse-app.jar")
        .contains("COPY modules/app/target/lib/ /opt/alphapulse/lib/");
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom)
        .contains("<finalName>alphapulse-app</finalName>")
        .contains("<classpathPrefix>lib/</classpathPrefix>")
        .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
    JsonNode ref = null;
    for (JsonNode e : container().path("env")) {
      if (e.path("name").asText().equals("JOURNAL_URL")) {
        ref = e.at("/valueFrom/secretKeyRef");
      }
    }
    assertThat(ref).isNotNull();
    JsonNode secret = BY_KIND.get("Secret");
    assertThat(secret.at("/metadata/name").asText()).isEqualTo(ref.path("name").asText());
    assertThat(secret.at("/stringData").has(ref.path("key").asText())).isTrue();
  }
}
