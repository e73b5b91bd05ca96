package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.api.JobJson;
import dev.alphapulse.app.EmbeddedNodeOptions;
import dev.alphapulse.app.JobProgressBar;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.research.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alphapulse example NAME}: one of the four worked examples, run as a job on an embedded
 * single-node cluster (the path of {@code alphapulse run}), with a summary on stdout and an HTML
 * report.
 */
@Command(
    name = "example",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a worked example as a job on an embedded single-node cluster, prints a summary and"
          + " writes an HTML report. NAME is one of:",
      "  basic        distributed backtest: sma-cross swept over a grid on every symbol",
      "  hpo          hyper-parameter optimisation: TPE + ASHA, with DSR and PBO",
      "  monte-carlo  20,000 bootstrap equity paths: bands, VaR, P(loss), fan chart",
      "  portfolio    four strategy sleeves in one account, risk-parity weights",
      "Runs on the seeded synthetic market unless --data names real CSV files. --show-job prints"
          + " the job file, which `alphapulse run` also takes."
    })
public final class ExampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "basic, hpo, monte-carlo or portfolio.")
  String name;

  @Option(
      names = "--data",
      paramLabel = "FILE_OR_DIR",
      description =
          "A CSV file of OHLCV bars, or a directory of them (one symbol per file). hpo and"
              + " monte-carlo use the first symbol. Default: the synthetic market.")
  Path data;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "SYM",
      description = "With a directory: only these symbols, in this order.")
  List<String> symbols;

  @Option(
      names = "--out",
      paramLabel = "FILE.html",
      description = "Where to write the HTML report (default: alphapulse-example-NAME.html).")
  Path out;

  @Option(
      names = "--json",
      description = "Print the finished job as one JSON object (as `run --json`), not the summary.")
  boolean json;

  @Option(names = "--quick", description = "Small sizes: runs in seconds (for a first look).")
  boolean quick;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "7",
      description = "Seed of the synthetic market (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Rows of the summary's ranked tables (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--show-job", description = "Print the job file and stop.")
  boolean showJob;

  @Mixin EmbeddedNodeOptions node;

  @Override
  public Integer call() throws Exception {
    Example example = Example.parse(name);
    if (top < 1) {
      throw new IllegalArgumentException("--top must be >= 1, was " + top);
    }
    NodeOptions nodeOptions = node.nodeOptions(); // a bad --slots fails before anything runs
    ExampleData bars = example.data(data, symbols == null ? List.of() : symbols, quick, seed);
    String yaml = example.jobYaml(bars, quick);
    JobSpec job = JobSpecs.parseYaml(yaml);
    PrintWriter stdout = spec.commandLine().getOut();
    if (showJob) {
      stdout.print("# alphapulse example " + example + (quick ? " --quick" : "") + "\n" + yaml);
      stdout.flush();
      return 0;
    }
    Path report = out == null ? Path.of("alphapulse-example-" + example + ".html") : out;
    if (!json) {
      stdout.printf("Example %s: %s%n", example, example.description);
      stdout.printf("Data: %s%n", bars.description());
      stdout.flush();
    }
    ExampleRun run = run(example, bars, job, nodeOptions);
    if (json) {
      stdout.println(JobJson.finished(run.jobId(), run.outcome().status(), run.outcome()));
    } else {
      example.kind.summarize(stdout, run, top);
    }
    example.kind.report(report, run);
    if (json) {
      System.err.println("Report: " + report.toAbsolutePath());
    } else {
      stdout.println("Report: " + report.toAbsolutePath());
    }
    stdout.flush();
    return 0;
  }

  private ExampleRun run(Example example, ExampleData bars, JobSpec job, NodeOptions options)
      throws Exception {
    try (DistributedComputingService service = DistributedComputingService.initialize(options)) {
      long started = System.nanoTime();
      JobProgressBar.Finished finished =
          JobProgressBar.run(service, job, node.noProgress() || json);
      String jobId = finished.jobId();
      JobOutcome outcome = finished.outcome();
      double seconds = (System.nanoTime() - started) / 1e9;
      if (outcome.status().chunks().succeeded() == 0) {
        throw new IllegalStateException(
            "job " + jobId + " " + outcome.status().status() + ": no chunk succeeded");
      }
      JsonNode result = outcome.research() == null ? null : Json.tree(outcome.research());
      return new ExampleRun(example, bars, job, jobId, outcome, result, seconds);
    }
  }
}
