package dev.alphapulse.it;

import dev.alphapulse.app.clusterbench.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code alphapulse} command line in its own JVM ({@code java -cp <test class path>
 * dev.alphapulse.app.Main ...}): what a script sees, exit code, stdout and stderr included.
 */
final class Cli {
  private Cli() {}

  private static final AtomicInteger SEQ = new AtomicInteger();

  /** What a command did. */
  record Result(List<String> command, int exitCode, String out, String err) {
    @Override
    public String toString() {
      return String.join(
              " ", command.subList(command.indexOf(NodeProcess.MAIN_CLASS), command.size()))
          + " -> exit "
          + exitCode
          + "\n--- stdout ---\n"
          + out
          + "\n--- stderr ---\n"
          + err;
    }
  }

  /**
   * A client command ({@code submit}, {@code status}, ...): small heap, quick start, 90 s at most.
   */
  static Result client(Path dir, String... args) {
    return run(dir, Duration.ofSeconds(90), "-Xmx256m -XX:TieredStopAtLevel=1", args);
  }

  /**
   * Runs {@code alphapulse args...} in {@code dir} (its working directory; stdout and stderr are
   * also kept there), waiting at most {@code timeout}.
   *
   * @param jvmOptions space-separated, e.g. {@code -Xmx256m}
   */
  static Result run(Path dir, Duration timeout, String jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(NodeProcess.javaExecutable());
    cmd.addAll(List.of(jvmOptions.split(" ")));
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(ItEnv.classPath());
    cmd.add(NodeProcess.MAIN_CLASS);
    cmd.addAll(List.of(args));
    int n = SEQ.incrementAndGet();
    Path out = dir.resolve("cli-" + n + ".out");
    Path err = dir.resolve("cli-" + n + ".err");
    Process p = null;
    try {
      Files.createDirectories(dir);
      p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + " s: "
                + String.join(" ", args)
                + "\n"
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(
          cmd,
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
