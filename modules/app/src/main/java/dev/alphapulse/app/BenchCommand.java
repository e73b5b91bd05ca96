package dev.alphapulse.app;

import dev.alphapulse.bench.BenchMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alphapulse bench SUITE}: runs a benchmark suite ({@code engine} and {@code research} in
 * {@code BenchMain}, {@code cluster} in {@code ClusterBench}) and prints its figures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a JMH benchmark suite and prints the figures (JMH's own log goes to stderr).",
      "Suites:",
      "  engine    AlphaPulse vs ta4j 0.17 vs a hand-written minimal loop on SmaCross(10,30)"
          + " over GOOG and a 1,000,000-bar series, plus bytes per bar.",
      "  cluster   one parameter sweep as a job: embedded node vs a cluster of node processes,"
          + " end to end.",
      "  research  a 10,000-set sma-cross sweep of a 200,000-bar series (-Xmx512m), 10,000"
          + " optimiser trials (random search and TPE), 100,000 Monte Carlo block-bootstrap"
          + " paths of 2,520 steps."
    })
final class BenchCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "SUITE",
      description = "Benchmark suite: engine, cluster or research.")
  String suite;

  @Option(
      names = "--quick",
      description = "The same workloads with fewer repetitions (about two minutes).")
  boolean quick;

  @Option(names = "--json", description = "Print one JSON object of figures on stdout.")
  boolean json;

  @Override
  public Integer call() {
    if ("cluster".equalsIgnoreCase(suite == null ? "" : suite.trim())) {
      return dev.alphapulse.app.clusterbench.ClusterBench.run(quick, json, System.out, System.err);
    }
    return BenchMain.run(suite, quick, json, System.out, System.err);
  }
}
