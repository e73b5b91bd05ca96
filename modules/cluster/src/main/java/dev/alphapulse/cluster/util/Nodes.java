package dev.alphapulse.cluster.util;

import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;

/** How nodes are named in reports and logs: {@code host:port} of their Artery address. */
public final class Nodes {
  private Nodes() {}

  /** {@code host:port} of an address ({@code local:0} for a local-only address). */
  public static String hostPort(Address address) {
    return address.getHost().orElse("local") + ":" + address.getPort().orElse(0);
  }

  /** {@code host:port} of a system's own address. */
  public static String hostPort(ActorSystem<?> system) {
    return hostPort(system.address());
  }
}
