package dev.alphapulse.bench;

import dev.alphapulse.research.optimize.Domain;
import dev.alphapulse.research.optimize.Mode;
import dev.alphapulse.research.optimize.ParameterSpace;
import dev.alphapulse.research.optimize.SchedulerSpec;
import dev.alphapulse.research.optimize.SearcherSpec;
import dev.alphapulse.research.optimize.Study;
import dev.alphapulse.research.optimize.StudySpec;
import dev.alphapulse.research.optimize.TrialOutcome;
import dev.alphapulse.research.optimize.TrialRecord;
import dev.alphapulse.research.optimize.TrialTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole hyper-parameter study of trivial trials per operation, end to end through the optimiser:
 * {@link Study} hands out each round's {@link TrialTask}s, the tasks are evaluated on a pool of two
 * threads (as workers would), and their {@link TrialOutcome}s are reported back to the study, which
 * records them, tells the searcher and starts the next round, until it is finished.
 *
 * <h2>Workload</h2>
 *
 * Two uniform parameters {@code x, y} in [-5, 5], objective {@code -(x - 1)^2 - (y + 2)^2}
 * (reported as the metric {@code "Return [%]"}, maximised), FIFO scheduler, rounds of {@link
 * #BATCH} tasks, seed 7. {@code searcher} is {@code random} (the headline) or {@code tpe} (Optuna's
 * defaults); {@code trials} is the number of trials. The objective costs nanoseconds, so the figure
 * is the optimiser's own overhead per trial (Ray Tune: about 9 ms).
 *
 * <h2>Measurement</h2>
 *
 * {@code SingleShotTime}, one study per operation; warm-up and measurement counts are set by the
 * suite ({@link ResearchSuite}).
 *
 * <h2>Running</h2>
 *
 * {@code ./alphapulse bench research}, or {@code java -cp <bench classpath> org.openjdk.jmh.Main
 * 'dev.alphapulse.bench.TrialsBench' -p searcher=random -p trials=10000 -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class TrialsBench {
  /** Tasks per round. */
  static final int BATCH = 100;

  static final String METRIC = "Return [%]";

  @Param({"random", "tpe"})
  public String searcher;

  @Param("10000")
  public int trials;

  private StudySpec spec;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void setUp() {
    spec = spec(searcher, trials);
    pool = Executors.newFixedThreadPool(2);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  static StudySpec spec(String searcher, int trials) {
    SearcherSpec s =
        switch (searcher) {
          case "random" -> new SearcherSpec.Random();
          case "tpe" -> SearcherSpec.Tpe.defaults();
          default -> throw new IllegalArgumentException("unknown searcher " + searcher);
        };
    ParameterSpace space =
        ParameterSpace.of("x", Domain.uniform(-5, 5), "y", Domain.uniform(-5, 5));
    return new StudySpec(space, METRIC, Mode.MAX, s, new SchedulerSpec.Fifo(), trials, BATCH, 7);
  }

  /** Runs the study to the end; returns the best trial. */
  @Benchmark
  public TrialRecord study() throws InterruptedException, ExecutionException {
    return run(spec, pool);
  }

  static TrialRecord run(StudySpec spec, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    Study study = Study.create(spec);
    while (!study.isFinished()) {
      List<TrialTask> tasks = study.pendingTasks();
      int half = (tasks.size() + 1) / 2;
      List<Callable<List<TrialOutcome>>> work =
          List.of(
              () -> evaluate(tasks.subList(0, half)),
              () -> evaluate(tasks.subList(half, tasks.size())));
      for (Future<List<TrialOutcome>> f : pool.invokeAll(work)) {
        for (TrialOutcome o : f.get()) {
          study.report(o);
        }
      }
    }
    return study.bestTrial().orElseThrow();
  }

  private static List<TrialOutcome> evaluate(List<TrialTask> tasks) {
    List<TrialOutcome> out = new ArrayList<>(tasks.size());
    for (TrialTask t : tasks) {
      double x = ((Number) t.params().get("x")).doubleValue();
      double y = ((Number) t.params().get("y")).doubleValue();
      double objective = -(x - 1) * (x - 1) - (y + 2) * (y + 2);
      out.add(TrialOutcome.success(t.trialId(), t.step(), Map.of(METRIC, objective)));
    }
    return out;
  }
}
