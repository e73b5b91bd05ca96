package dev.alphapulse.app;

import dev.alphapulse.cluster.NodeOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs its job on an embedded node ({@code run}, {@code example}):
 * its slots, its progress bar and (hidden) its node-local directory.
 */
public final class EmbeddedNodeOptions {

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "Chunks computed at once (default: the number of cores).")
  private Integer slots;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  private boolean noProgress;

  @Option(
      names = "--node-dir",
      hidden = true,
      defaultValue = ".alphapulse",
      description = "Node-local files (the embedded journal).")
  private Path nodeDir;

  /**
   * The embedded node's options.
   *
   * @throws IllegalArgumentException if {@code --slots} is below 1
   */
  public NodeOptions nodeOptions() {
    NodeOptions options = NodeOptions.embedded().withDataDir(nodeDir);
    if (slots == null) {
      return options;
    }
    if (slots < 1) {
      throw new IllegalArgumentException("--slots must be >= 1, was " + slots);
    }
    return options.withSlots(slots);
  }

  /** Whether {@code --no-progress} was given. */
  public boolean noProgress() {
    return noProgress;
  }
}
