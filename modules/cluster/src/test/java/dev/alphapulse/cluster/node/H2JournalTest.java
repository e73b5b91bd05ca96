package dev.alphapulse.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.jobs.JobSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The journal contract on an H2 file (the embedded default). */
class H2JournalTest extends JournalContract {
  private int databases;

  @Override
  String freshJournal() {
    return JournalSettings.h2File(dir.resolve("h2-" + databases++)).url();
  }

  @Test
  void the_journal_file_is_closed_when_its_node_stops_and_its_directory_can_be_deleted()
      throws Exception {
    Path dataDir = dir.resolve("embedded");
    ClusterNode node = ClusterNode.start(NodeOptions.defaults().withDataDir(dataDir).withSlots(1));
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    JobOutcome outcome =
        DistributedComputingService.attach(node)
            .runDistributedBacktest(
                JobSpecs.parseYaml(
                    "type: sweep\n"
                        + "data: {synthetic: {symbols: 1, bars: 300, seed: 3}}\n"
                        + "strategy: sma-cross\n"
                        + "params: {fast: [5, 10], slow: [20]}\n"),
                Path.of(""))
            .result()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    assertThat(outcome.runs()).hasSize(2);
    Path lock = dataDir.resolve("journal.lock.db");
    // H2's lock file (AUTO_SERVER) exists while the database is open
    assertThat(lock).exists();
    node.close();
    // closed with the node's last connection: no lock file, and no watchdog to write it again
    assertThat(lock).doesNotExist();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertThat(dataDir).doesNotExist();
  }
}
