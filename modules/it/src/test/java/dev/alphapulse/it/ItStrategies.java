package dev.alphapulse.it;

import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyProvider;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The strategy of the multi-process tests, a plug-in like any user strategy (ServiceLoader, from
 * this module's test class path, which is also the node processes' class path).
 *
 * <p>{@code it-cross} is sma-cross (same results) with two instruments:
 *
 * <ul>
 *   <li>{@code fail}: a backtest whose fast period equals it throws in {@code init}, so the chunk
 *       holding that parameter set fails on every attempt (default 0: never);
 *   <li>a run log: when the JVM has the system property {@value #RUN_LOG} (a directory), every
 *       backtest computed on a worker thread appends one line {@code fast slow} to {@code
 *       <pid>.log} in it before it starts. So the test sees which parameter sets each node process
 *       (each incarnation: a restarted node has a new pid) actually computed; the nodes run with
 *       the chunk-result cache off, so nothing is served from disk instead.
 * </ul>
 */
public final class ItStrategies implements StrategyProvider {

  /** System property naming the run log directory of a node process. */
  public static final String RUN_LOG = "alphapulse.it.runlog";

  /** The strategy's name in job files. */
  public static final String NAME = "it-cross";

  @Override
  public List<StrategyDescriptor> strategies() {
    return List.of(
        new StrategyDescriptor(
            NAME,
            "sma-cross that logs every backtest it computes and throws when fast equals fail",
            List.of(
                ParamSpec.integer("fast", 1, 1000, 10, "fast SMA period"),
                ParamSpec.integer("slow", 2, 5000, 30, "slow SMA period"),
                ParamSpec.integer("fail", 0, 1000, 0, "fast period whose backtests throw")),
            List.of(
                new StrategyDescriptor.Constraint(
                    "fast must be < slow", p -> p.getInt("fast") < p.getInt("slow"))),
            ItStrategies::create));
  }

  private static Strategy create(Params p) {
    int fast = p.getInt("fast");
    int slow = p.getInt("slow");
    boolean fails = fast == p.getInt("fail");
    SmaCross inner = new SmaCross(fast, slow);
    return new Strategy() {
      @Override
      public void init(StrategyContext ctx) {
        log(fast, slow);
        if (fails) {
          throw new IllegalStateException("deliberate failure for fast=" + fast);
        }
        inner.init(ctx);
      }

      @Override
      public void next(StrategyContext ctx) {
        inner.next(ctx);
      }
    };
  }

  private static void log(int fast, int slow) {
    String dir = System.getProperty(RUN_LOG);
    if (dir == null || !Thread.currentThread().getName().startsWith("alphapulse-worker")) {
      return;
    }
    synchronized (ItStrategies.class) {
      try {
        Files.writeString(
            Path.of(dir, ProcessHandle.current().pid() + ".log"),
            fast + " " + slow + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
