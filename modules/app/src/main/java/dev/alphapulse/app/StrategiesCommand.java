package dev.alphapulse.app;

import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code alphapulse strategies}: the strategies on the class path and their parameters. */
@Command(
    name = "strategies",
    mixinStandardHelpOptions = true,
    description =
        "Lists the available strategies (built-ins and ServiceLoader providers on the class path)"
            + " with their declared parameters, types, bounds and defaults.")
final class StrategiesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (StrategyDescriptor d : StrategyRegistry.load().all()) {
      out.println(d.name() + ": " + d.description());
      d.paramHelp().forEach((k, v) -> out.println("    " + k + "  " + v));
      d.constraints().forEach(c -> out.println("    (" + c.message() + ")"));
    }
    out.flush();
    return 0;
  }
}
