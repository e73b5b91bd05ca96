package dev.alphapulse.app;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code alphapulse data}: loads data the way backtests do and reports what was found. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Loads a CSV file or directory exactly as backtest does, validates it and prints the"
          + " data-quality report and a summary per symbol.",
      "Bad rows fail with file, line and field unless --repair drop|fix is given."
    })
final class DataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Override
  public Integer call() {
    DataOptions.Loaded loaded = data.load(System.err);
    Universe u = loaded.universe();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s: %d symbols, %d calendar bars%n", loaded.description(), u.symbolCount(), u.size());
    for (BarSeries s : u.series()) {
      out.printf(
          "  %-10s %8d bars  %s .. %s%n",
          s.symbol(),
          s.size(),
          StatsJson.isoDateTime(s.time(0)),
          StatsJson.isoDateTime(s.time(s.size() - 1)));
    }
    out.flush();
    return 0;
  }
}
