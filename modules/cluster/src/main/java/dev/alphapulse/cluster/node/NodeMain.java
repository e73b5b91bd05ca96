package dev.alphapulse.cluster.node;

import dev.alphapulse.cluster.NodeOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Starts a node in the foreground from plain arguments (no CLI library), for launching nodes as
 * separate JVMs: {@code java -cp ... dev.alphapulse.cluster.node.NodeMain --port 2551 --seeds
 * 127.0.0.1:2551 --management-port 8558 --journal jdbc:postgresql://127.0.0.1:5432/alphapulse
 * --slots 2}. Options: {@code --host H}, {@code --port P}, {@code --seeds H:P[,H:P...]}, {@code
 * --management-port M}, {@code --journal URL}, {@code --slots N}, {@code --data-dir DIR}, {@code
 * --roles R[,R...]}, {@code --discovery METHOD}. Exits when the node terminates (SIGTERM leaves the
 * cluster gracefully first).
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) {
    NodeOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("alphapulse node: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(ClusterNode.runForeground(options));
  }

  /**
   * Options from arguments.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static NodeOptions parse(String[] args) {
    NodeOptions o = NodeOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + ": missing value");
      }
      String v = args[++i];
      try {
        o =
            switch (name) {
              case "--host" -> o.withHost(v);
              case "--port" -> o.withPort(Integer.parseInt(v));
              case "--seeds" -> o.withSeeds(split(v));
              case "--management-port" -> o.withManagementPort(Integer.parseInt(v));
              case "--journal" -> o.withJournalUrl(v);
              case "--slots" -> o.withSlots(Integer.parseInt(v));
              case "--data-dir" -> o.withDataDir(Path.of(v));
              case "--roles" -> o.withRoles(new LinkedHashSet<>(split(v)));
              case "--discovery" -> o.withDiscoveryMethod(v);
              default -> throw new IllegalArgumentException("unknown option");
            };
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": expected a number, got '" + v + "'");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage());
      }
    }
    return o;
  }

  private static List<String> split(String v) {
    return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
