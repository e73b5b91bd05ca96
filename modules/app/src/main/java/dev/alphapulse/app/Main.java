package dev.alphapulse.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code alphapulse} command line. Sub-commands do the work; this class only wires picocli,
 * maps bad input to one clear message and a non-zero exit code, and keeps stdout for results (logs
 * and progress go to stderr).
 */
@Command(
    name = "alphapulse",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "AlphaPulse: backtests, parameter sweeps and research jobs for systematic trading.",
    subcommands = {
      BacktestCommand.class,
      DemoCommand.class,
      StrategiesCommand.class,
      DataCommand.class,
      RunCommand.class,
      NodeCommand.class,
      ClientCommands.Submit.class,
      ClientCommands.Status.class,
      ClientCommands.Watch.class,
      ClientCommands.Cancel.class,
      ClientCommands.Jobs.class,
      ClientCommands.Cluster.class,
      BenchCommand.class,
      dev.alphapulse.app.example.ExampleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Initialise logging on this thread before Pekko and gRPC start threads that log: SLF4J
    // otherwise buffers their first calls and prints a "replayed" warning on every client command.
    LoggerFactory.getILoggerFactory();
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (0 ok, 1 failure, 2 bad input). */
  public static int execute(String... args) {
    return execute(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        args);
  }

  /** Runs the CLI with the given result and message streams; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          Throwable cause = ex;
          if (cause instanceof IllegalArgumentException
              || cause instanceof IllegalStateException
              || cause instanceof java.io.UncheckedIOException
              || cause instanceof java.nio.file.NoSuchFileException
              || cause.getClass().getSimpleName().equals("DataFormatException")) {
            cmd.getErr().println("error: " + message(cause));
            return 2;
          }
          cmd.getErr().println("error: " + message(cause));
          cause.printStackTrace(cmd.getErr());
          return 1;
        });
    return cl.execute(args);
  }

  private static String message(Throwable t) {
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + t.getMessage();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"alphapulse " + (v == null ? "dev" : v)};
    }
  }
}
