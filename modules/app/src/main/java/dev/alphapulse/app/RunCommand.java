package dev.alphapulse.app;

import dev.alphapulse.api.JobJson;
import dev.alphapulse.app.example.ResearchPages;
import dev.alphapulse.app.report.HtmlPage;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.JobType;
import dev.alphapulse.jobs.RunResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alphapulse run JOB.yaml}: a job on an embedded single-node cluster. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a job file (see docs/jobs.md and examples/) on an embedded single-node cluster with an"
          + " embedded H2 journal under .alphapulse/, showing progress on stderr.",
      "With --json, prints one JSON object: jobId, status, chunks, results (params, symbol, stats"
          + " as in `backtest --json`), best and, for a sweep, overfitting (Deflated Sharpe Ratio"
          + " of best, PBO); a research job prints result instead of results and best."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB.yaml", description = "The job file.")
  Path jobFile;

  @Option(names = "--json", description = "Print the finished job as one JSON object.")
  boolean json;

  @Mixin EmbeddedNodeOptions node;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Also write the result as a self-contained HTML report (optimize: trials, best-so-far,"
              + " overfitting; monte-carlo: fan chart and bands; portfolio: equity, weights,"
              + " sleeves).")
  Path report;

  /** Job types whose result has an HTML report page ({@link ResearchPages}). */
  static final Set<JobType> REPORTED =
      EnumSet.of(JobType.OPTIMIZE, JobType.MONTE_CARLO, JobType.PORTFOLIO);

  @Override
  public Integer call() throws Exception {
    JobSpec job = readJob(jobFile);
    if (report != null && !REPORTED.contains(job.type())) {
      throw new ParameterException(
          spec.commandLine(),
          "--report: job type "
              + job.type().fileName()
              + " has no HTML report here; types with one: optimize, monte-carlo, portfolio"
              + " (for a backtest or sweep: `alphapulse backtest --report` or `alphapulse example"
              + " basic`)");
    }
    try (DistributedComputingService service =
        DistributedComputingService.initialize(node.nodeOptions())) {
      JobProgressBar.Finished finished = JobProgressBar.run(service, job, node.noProgress());
      String jobId = finished.jobId();
      JobOutcome outcome = finished.outcome();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(JobJson.finished(jobId, outcome.status(), outcome));
      } else {
        printSummary(out, jobId, outcome);
      }
      out.flush();
      if (report != null && outcome.research() != null) {
        var page =
            ResearchPages.of(
                dev.alphapulse.jobs.research.Json.tree(outcome.research()), describe(job.data()));
        if (page.isPresent()) {
          HtmlPage.write(report, page.get());
          System.err.println("report: " + report.toAbsolutePath());
        }
      }
      return 0;
    }
  }

  /** One line on a job's data for a report's subtitle. */
  static String describe(DataSpec data) {
    if (data instanceof DataSpec.Synthetic syn) {
      return "synthetic data: "
          + syn.symbols()
          + " symbols x "
          + syn.bars()
          + " bars, seed "
          + syn.seed();
    }
    DataSpec.Files files = (DataSpec.Files) data;
    return files.symbols().isEmpty()
        ? "data: " + files.path()
        : "data: " + files.path() + " " + files.symbols();
  }

  static JobSpec readJob(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    return JobSpecs.parseYaml(Files.readString(file));
  }

  static void printSummary(PrintWriter out, String jobId, JobOutcome outcome) {
    var s = outcome.status();
    out.printf(
        "job %s %s: %d/%d chunks succeeded, %d failed, %d attempts, %d runs%n",
        jobId,
        s.status(),
        s.chunks().succeeded(),
        s.chunks().total(),
        s.chunks().failed(),
        s.chunks().attempts(),
        outcome.runs().size());
    if (outcome.research() != null) {
      ResearchSummary.print(out, dev.alphapulse.jobs.research.Json.tree(outcome.research()));
      return;
    }
    RunResult best = outcome.best();
    if (best != null) {
      out.printf(
          "best by %s: %s on %s -> %s %.4f, Return %.2f%%, Max. Drawdown %.2f%%%n",
          outcome.objective(),
          best.params(),
          best.symbol(),
          outcome.objective(),
          best.stats().getOrDefault(outcome.objective(), Double.NaN),
          best.stats().getOrDefault("Return [%]", Double.NaN),
          best.stats().getOrDefault("Max. Drawdown [%]", Double.NaN));
    }
    if (outcome.overfitting() != null) {
      ResearchSummary.sweepOverfitting(
          out, dev.alphapulse.jobs.research.Json.tree(outcome.overfitting()));
    }
  }
}
