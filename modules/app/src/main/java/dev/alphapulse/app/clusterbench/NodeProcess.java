package dev.alphapulse.app.clusterbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One {@code alphapulse node} in its own JVM on loopback: started with {@code java -cp <class path>
 * dev.alphapulse.app.Main node ...}, killed with SIGKILL ({@link #kill()}, what {@code kill -9}
 * does), and started again with the same ports, data directory and journal ({@link #start()} after
 * a kill). Its stdout and stderr go to one log file per incarnation.
 *
 * <h2>Why a process</h2>
 *
 * A node that dies in the middle of a job must really vanish: no coordinated shutdown, no leave
 * message, sockets closed by the kernel. Only a separate JVM killed with SIGKILL shows what the
 * failure detector, the split brain resolver and the journal make of that.
 *
 * <h2>Safety net</h2>
 *
 * Every started process is also registered with a JVM shutdown hook that kills it, so an aborted
 * test run or benchmark leaves no node behind. Not thread-safe: drive a node from one thread.
 */
public final class NodeProcess {

  /** The main class the node processes run. */
  public static final String MAIN_CLASS = "dev.alphapulse.app.Main";

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Process p : LIVE) {
                    p.destroyForcibly();
                  }
                },
                "alphapulse-node-reaper"));
  }

  /**
   * What a node is started with.
   *
   * @param name short name, used for log files ({@code node0})
   * @param arteryPort cluster remoting port; the node's address is {@code 127.0.0.1:arteryPort}
   * @param grpcPort gRPC port (JobService, ClusterService)
   * @param managementPort Pekko Management port ({@code /ready}, {@code /alive})
   * @param seeds seed nodes as {@code host:port}
   * @param slots worker slots; 0 starts the node without the worker role (it hosts coordinators and
   *     the API only)
   * @param dataDir the node's {@code --data-dir}
   * @param journalUrl the node's {@code --journal}
   * @param jvmOptions options before the class path, e.g. {@code -Xmx512m}, {@code -Dkey=value}
   * @param classPath the class path of the node JVM
   * @param logDir where the per-incarnation log files go
   */
  public record Spec(
      String name,
      int arteryPort,
      int grpcPort,
      int managementPort,
      List<String> seeds,
      int slots,
      Path dataDir,
      String journalUrl,
      List<String> jvmOptions,
      String classPath,
      Path logDir) {
    public Spec {
      Objects.requireNonNull(name, "name");
      seeds = List.copyOf(seeds);
      jvmOptions = List.copyOf(jvmOptions);
      if (slots < 0) {
        throw new IllegalArgumentException("slots: must be >= 0, was " + slots);
      }
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(journalUrl, "journalUrl");
      Objects.requireNonNull(classPath, "classPath");
      Objects.requireNonNull(logDir, "logDir");
    }
  }

  private final Spec spec;
  private Process process;
  private Path logFile;
  private int incarnation;

  /** A node that is not started yet. */
  public NodeProcess(Spec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The start parameters. */
  public Spec spec() {
    return spec;
  }

  /** {@code 127.0.0.1:arteryPort}: the address cluster status and {@code coordinatorNode} use. */
  public String address() {
    return "127.0.0.1:" + spec.arteryPort();
  }

  /** {@code 127.0.0.1:grpcPort}, for {@code --endpoint}. */
  public String endpoint() {
    return "127.0.0.1:" + spec.grpcPort();
  }

  /** How many times this node was started. */
  public int incarnation() {
    return incarnation;
  }

  /** The log file of the current (or last) incarnation, or null before the first start. */
  public Path logFile() {
    return logFile;
  }

  /** Whether the current incarnation is running. */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The operating system's id of the current incarnation; -1 before the first start. */
  public long pid() {
    return process == null ? -1 : process.pid();
  }

  /**
   * CPU time (user and system, all threads) of the current incarnation so far, in seconds; 0 when
   * it is not running or the system does not tell.
   */
  public double cpuSeconds() {
    return process == null
        ? 0
        : process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
  }

  /** The command line of an incarnation. */
  public List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.addAll(spec.jvmOptions());
    cmd.add("-cp");
    cmd.add(spec.classPath());
    cmd.add(MAIN_CLASS);
    cmd.add("node");
    cmd.add("--port");
    cmd.add(Integer.toString(spec.arteryPort()));
    if (!spec.seeds().isEmpty()) {
      cmd.add("--seeds");
      cmd.add(String.join(",", spec.seeds()));
    }
    cmd.add("--grpc-port");
    cmd.add(Integer.toString(spec.grpcPort()));
    cmd.add("--management-port");
    cmd.add(Integer.toString(spec.managementPort()));
    cmd.add("--journal");
    cmd.add(spec.journalUrl());
    cmd.add("--data-dir");
    cmd.add(spec.dataDir().toString());
    if (spec.slots() > 0) {
      cmd.add("--slots");
      cmd.add(Integer.toString(spec.slots()));
    } else {
      cmd.add("--roles");
      cmd.add("api");
    }
    return cmd;
  }

  /**
   * Starts a new incarnation (returns at once; see {@link #awaitReady}).
   *
   * @throws IllegalStateException if the node is running
   * @throws UncheckedIOException if the JVM cannot be started
   */
  public void start() {
    if (isAlive()) {
      throw new IllegalStateException(spec.name() + " is running");
    }
    incarnation++;
    try {
      Files.createDirectories(spec.logDir());
      Files.createDirectories(spec.dataDir());
      logFile = spec.logDir().resolve(spec.name() + "-" + incarnation + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(command())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      process = pb.start();
      process.getOutputStream().close();
      LIVE.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the node is an Up cluster member ({@code /ready} answers 200) and its gRPC port
   * accepts connections.
   *
   * @throws IllegalStateException if the process dies or {@code timeout} passes first; the message
   *     carries the end of the log
   */
  public void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + spec.managementPort() + "/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!isAlive()) {
        throw new IllegalStateException(
            spec.name()
                + " exited with code "
                + exitCode()
                + " before it was ready:\n"
                + logTail());
      }
      if (httpOk(http, ready) && portOpen(spec.grpcPort())) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException(
        spec.name() + " not ready after " + timeout.toSeconds() + " s:\n" + logTail());
  }

  /** SIGKILL (as {@code kill -9}), then waits for the process to be gone. No-op when not alive. */
  public void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(spec.name() + " (pid " + p.pid() + ") survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + spec.name(), e);
    }
    LIVE.remove(p);
  }

  /**
   * Stops the process without ending it (SIGSTOP): it uses no CPU until {@link #resume()}. For
   * benchmarks that time other processes on the same cores; Linux and macOS ({@code kill}).
   */
  public void suspend() {
    signal("STOP");
  }

  /** Lets a {@link #suspend()}ed process run again (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      throw new IllegalStateException(spec.name() + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + p.pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -" + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + spec.name(), e);
    }
  }

  /** The last lines of the current log file (for failure messages). */
  public String logTail() {
    return logTail(60);
  }

  /** The last {@code lines} lines of the current log file. */
  public String logTail(int lines) {
    if (logFile == null || !Files.exists(logFile)) {
      return "(no log)";
    }
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      return "--- " + logFile + " ---\n" + String.join("\n", tail);
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  private String exitCode() {
    try {
      return Integer.toString(process.exitValue());
    } catch (IllegalThreadStateException e) {
      return "?";
    }
  }

  private static boolean httpOk(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean portOpen(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The {@code java} of the running JVM. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
