package dev.alphapulse.cluster.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.NodeOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a node's configuration. Precedence, highest first: JVM system properties; the node's
 * {@link NodeOptions}; {@code extra} (tests, embedding code); the application's {@code
 * application.conf}; this module's {@code alphapulse/node.conf}; every {@code reference.conf}.
 */
public final class NodeConfig {
  private NodeConfig() {}

  /** The actor system name every node of a cluster must share. */
  public static final String SYSTEM_NAME = "alphapulse";

  /** The resolved configuration of a node. */
  public static Config build(NodeOptions options, JournalSettings journal, Config extra) {
    Map<String, Object> m = new HashMap<>();
    m.put("pekko.remote.artery.canonical.hostname", options.host());
    m.put("pekko.remote.artery.canonical.port", options.port());
    m.put(
        "pekko.cluster.seed-nodes",
        options.seeds().stream().map(s -> "pekko://" + SYSTEM_NAME + "@" + s).toList());
    m.put("pekko.cluster.roles", List.copyOf(options.roles()));
    if (options.embeddedNode()) {
      m.put("pekko.cluster.sharding.remember-entities", "off");
    }
    if (options.managementPort() >= 0) {
      m.put("pekko.management.http.hostname", options.host());
      m.put("pekko.management.http.port", options.managementPort());
      m.put("pekko.management.http.bind-port", options.managementPort());
    }
    if (options.discoveryMethod() != null) {
      m.put(
          "pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method",
          options.discoveryMethod());
    }
    String db = "pekko-persistence-jdbc.shared-databases.slick.";
    m.put(db + "profile", journal.kind().profile());
    m.put(db + "db.url", journal.url());
    m.put(db + "db.driver", journal.kind().driver());
    m.put(db + "db.user", journal.user());
    m.put(db + "db.password", journal.password());
    return ConfigFactory.defaultOverrides()
        .withFallback(ConfigFactory.parseMap(m, "alphapulse node options"))
        .withFallback(extra)
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.parseResources(NodeConfig.class, "/alphapulse/node.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }
}
