package dev.alphapulse.app;

import dev.alphapulse.app.clusterbench.ClusterBench;
import dev.alphapulse.app.clusterbench.ClusterPairBench;
import dev.alphapulse.bench.BenchMain;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alphapulse bench SUITE}: runs a benchmark suite ({@code engine} and {@code research} in
 * {@code BenchMain}, {@code cluster} in {@code ClusterBench}, {@code cluster-pair} in {@code
 * ClusterPairBench}) and prints its figures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a benchmark suite and prints the figures (progress and JMH's log go to stderr).",
      "Suites:",
      "  engine    AlphaPulse vs ta4j 0.17 vs a hand-written minimal loop on SmaCross(10,30)"
          + " over GOOG and a 1,000,000-bar series, plus bytes per bar.",
      "  cluster   one parameter sweep as a job: embedded node vs a cluster of node processes,"
          + " end to end.",
      "  cluster-pair  the same sweep on two clusters of node processes (--a, --b), timed in"
          + " alternation so that the machine's drift cancels (default: three nodes vs one).",
      "  research  a 10,000-set sma-cross sweep of a 200,000-bar series (-Xmx512m), 10,000"
          + " optimiser trials (random search and TPE), 100,000 Monte Carlo block-bootstrap"
          + " paths of 2,520 steps."
    })
final class BenchCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "SUITE",
      description = "Benchmark suite: engine, cluster, cluster-pair or research.")
  String suite;

  @Option(
      names = "--quick",
      description = "The same workloads with fewer repetitions (about two minutes).")
  boolean quick;

  @Option(names = "--json", description = "Print one JSON object of figures on stdout.")
  boolean json;

  @Option(
      names = "--a",
      paramLabel = "SLOTS",
      description =
          "cluster-pair: side A's worker slots per node, e.g. 0,1,1 (default: bench cluster's three"
              + " nodes).")
  String a;

  @Option(
      names = "--b",
      paramLabel = "SLOTS",
      description = "cluster-pair: side B's worker slots per node (default: one node, every core).")
  String b;

  @Option(
      names = "--a-opts",
      paramLabel = "OPTS",
      description = "cluster-pair: extra JVM options of side A's nodes, space-separated.")
  String aOpts;

  @Option(
      names = "--b-opts",
      paramLabel = "OPTS",
      description = "cluster-pair: extra JVM options of side B's nodes, space-separated.")
  String bOpts;

  @Option(
      names = "--warmups",
      paramLabel = "N",
      description = "cluster-pair: warm-up sweeps on each side (default 60; 20 with --quick).")
  Integer warmups;

  @Option(
      names = "--pairs",
      paramLabel = "N",
      description = "cluster-pair: timed pairs (default 20; 8 with --quick).")
  Integer pairs;

  @Option(
      names = "--no-freeze",
      description =
          "cluster-pair: leave the idle side running during the other's sweeps (by default it is"
              + " stopped with SIGSTOP, so that its upkeep does not slow the other).")
  boolean noFreeze;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String name = suite == null ? "" : suite.trim().toLowerCase(Locale.ROOT);
    if (name.equals("cluster-pair")) {
      return clusterPair();
    }
    if (a != null
        || b != null
        || aOpts != null
        || bOpts != null
        || warmups != null
        || pairs != null
        || noFreeze) {
      throw new ParameterException(
          spec.commandLine(),
          "--a, --b, --a-opts, --b-opts, --warmups, --pairs and --no-freeze apply to the"
              + " cluster-pair suite only");
    }
    if (name.equals("cluster")) {
      return ClusterBench.run(quick, json, System.out, System.err);
    }
    return BenchMain.run(suite, quick, json, System.out, System.err);
  }

  private int clusterPair() {
    ClusterPairBench.Plan plan;
    try {
      ClusterPairBench.Plan d =
          ClusterPairBench.defaultPlan(Runtime.getRuntime().availableProcessors(), quick);
      plan =
          new ClusterPairBench.Plan(
              side(d.a(), "--a", a, aOpts),
              side(d.b(), "--b", b, bOpts),
              warmups == null ? d.warmups() : warmups,
              pairs == null ? d.pairs() : pairs,
              !noFreeze);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return ClusterPairBench.run(plan, json, System.out, System.err);
  }

  private static ClusterPairBench.Side side(
      ClusterPairBench.Side fallback, String option, String slots, String opts) {
    return new ClusterPairBench.Side(
        slots == null ? fallback.slots() : ClusterPairBench.parseSlots(option, slots),
        ClusterPairBench.parseJvmOptions(opts));
  }
}
