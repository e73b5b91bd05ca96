package dev.alphapulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs a benchmark suite and reports it: the entry point of {@code alphapulse bench}.
 *
 * <h2>Suites</h2>
 *
 * {@code engine}: {@link SmaCrossBench} (AlphaPulse, the minimal loop and ta4j on GOOG and on a
 * 1,000,000-bar synthetic series) and {@link FootprintBench} through the JMH Runner API, plus JOL's
 * retained size of a {@code BarSeries}. The full run takes about five minutes on two cores; {@code
 * quick} (1 fork, 4 + 3 iterations of 1 s, 10 + 3 for ta4j, no warm-cache variant) about 90
 * seconds.
 *
 * <h2>Output</h2>
 *
 * JMH's log (and the forked JVMs' output) goes to {@code err}. {@code out} gets either a table or,
 * with {@code json}, exactly one JSON object on one line with these keys: {@code suite}, {@code
 * quick}, {@code jmh_mode} ({@code "avgt"}), {@code jmh_settings}, {@code strategy}, {@code
 * bars_goog}, {@code bars_1m}; {@code alphapulse_vs_ta4j} and {@code alphapulse_vs_minimal_loop}
 * (AlphaPulse's bars per second divided by the other's, the smaller over the two data sets; above 1
 * means AlphaPulse is faster) and the same with suffixes {@code _goog} and {@code _1m}; {@code
 * bytes_per_bar} (retained bytes each bar of a {@code BarSeries} costs, by JOL), {@code
 * bytes_per_bar_payload} (48), {@code bytes_per_series_fixed}, {@code bytes_per_bar_retained_1m},
 * {@code bytes_per_bar_allocated}, {@code bytes_per_bar_heap_delta}, {@code ta4j_bytes_per_bar};
 * for each of {@code alphapulse}, {@code alphapulse_warm_cache}, {@code minimal_loop} and {@code
 * ta4j}: {@code <impl>_bars_per_second_goog}, {@code <impl>_bars_per_second_1m}, {@code
 * <impl>_allocated_bytes_per_bar_goog}, {@code <impl>_allocated_bytes_per_bar_1m}; and {@code
 * goals_met} (ratio to ta4j >= 30, to the minimal loop >= 0.5, bytes per bar <= 48). Unmeasured
 * figures are {@code null}.
 *
 * <p>{@code research}: {@link SweepBench}, {@link TrialsBench} and {@link MonteCarloBench} in JMH's
 * single-shot mode (see {@link ResearchSuite}); with {@code json}, one object with {@code
 * sweep_seconds}, {@code sweep_heap_mb}, {@code trials_seconds}, {@code tpe_trials_seconds}, {@code
 * monte_carlo_seconds}, their {@code _best} variants, rates, sizes, {@code goals} and {@code
 * goals_met} (see {@link ResearchReport}). The full run takes several minutes, {@code quick} one to
 * two.
 *
 * <h2>Command line</h2>
 *
 * {@code java -cp <bench jar and its dependencies> dev.alphapulse.bench.BenchMain engine|research
 * [--quick] [--json]}; the class path must hold the bench jar (its {@code META-INF/BenchmarkList})
 * because JMH's forked JVMs reuse it.
 */
public final class BenchMain {
  /** The suites {@link #run} knows. */
  public static final List<String> SUITES = List.of("engine", "research");

  private BenchMain() {}

  /**
   * Runs {@code suite} and prints its report.
   *
   * @param suite suite name, one of {@link #SUITES}
   * @param quick fewer JMH forks and iterations (about 90 seconds instead of five minutes)
   * @param json print one JSON object instead of a table
   * @param out where the report goes
   * @param err where JMH's log and error messages go
   * @return 0 on success, 2 for an unknown suite, 1 if the run failed
   */
  public static int run(
      String suite, boolean quick, boolean json, PrintStream out, PrintStream err) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    String name = suite == null ? "" : suite.trim().toLowerCase(Locale.ROOT);
    if (!SUITES.contains(name)) {
      err.println(
          "bench: unknown suite '" + suite + "'; available suites: " + String.join(", ", SUITES));
      return 2;
    }
    ObjectMapper mapper = new ObjectMapper();
    String text;
    try {
      if (name.equals("research")) {
        ResearchReport report = ResearchSuite.run(quick, err);
        text = json ? report.toJson(mapper).toString() + "\n" : report.toTable();
      } else {
        EngineReport report = EngineSuite.run(quick, err);
        text = json ? report.toJson(mapper).toString() + "\n" : report.toTable();
      }
    } catch (RunnerException e) {
      err.println("bench: JMH run failed: " + describe(e));
      return 1;
    } catch (RuntimeException e) {
      err.println("bench: " + describe(e));
      return 1;
    }
    out.print(text);
    out.flush();
    return 0;
  }

  /**
   * {@code BenchMain <suite> [--quick] [--json]}; exits with {@link #run}'s status (2 for bad
   * arguments).
   */
  public static void main(String[] args) {
    String suite = null;
    boolean quick = false;
    boolean json = false;
    for (String arg : args) {
      switch (arg) {
        case "--quick" -> quick = true;
        case "--json" -> json = true;
        case "-h", "--help" -> {
          System.out.println(usage());
          System.exit(0);
        }
        default -> {
          if (arg.startsWith("-") || suite != null) {
            System.err.println("bench: unexpected argument '" + arg + "'\n" + usage());
            System.exit(2);
          }
          suite = arg;
        }
      }
    }
    if (suite == null) {
      System.err.println("bench: no suite given\n" + usage());
      System.exit(2);
    }
    System.exit(run(suite, quick, json, System.out, System.err));
  }

  private static String usage() {
    return "usage: BenchMain <suite> [--quick] [--json]   suites: " + String.join(", ", SUITES);
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append("; caused by ").append(c);
    }
    return b.toString();
  }
}
