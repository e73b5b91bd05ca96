package dev.alphapulse.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.api.AlphaPulseClient;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.JobProgress;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.api.grpc.JobSummary;
import dev.alphapulse.api.grpc.Member;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands that talk to a running cluster over gRPC. */
final class ClientCommands {
  private ClientCommands() {}

  /** {@code --endpoint HOST:PORT} of a node's gRPC server. */
  static final class Endpoint {
    @Option(
        names = "--endpoint",
        required = true,
        paramLabel = "HOST:GRPC_PORT",
        description = "A node's gRPC endpoint, e.g. 127.0.0.1:50051.")
    String endpoint;

    AlphaPulseClient connect() {
      int colon = endpoint.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "--endpoint: expected HOST:PORT, got '" + endpoint + "'");
      }
      int port;
      try {
        port = Integer.parseInt(endpoint.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--endpoint: bad port in '" + endpoint + "'");
      }
      return AlphaPulseClient.connect(endpoint.substring(0, colon), port);
    }
  }

  static void printReply(PrintWriter out, JobReply reply, boolean json) {
    if (json) {
      out.println(reply.getJson());
    } else {
      out.printf(
          "job %s %s on %s: %d/%d chunks succeeded, %d failed, %d attempts%n",
          reply.getJobId(),
          reply.getStatus(),
          reply.getCoordinatorNode(),
          reply.getChunks().getSucceeded(),
          reply.getChunks().getTotal(),
          reply.getChunks().getFailed(),
          reply.getChunks().getAttempts());
      if (reply.hasBest()) {
        out.printf("best: %s on %s%n", reply.getBest().getParamsMap(), reply.getBest().getSymbol());
      }
    }
    out.flush();
  }

  /** Streams progress to a bar on stderr until the job ends. */
  static void watch(AlphaPulseClient client, String jobId) {
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("job " + jobId)
            .setInitialMax(1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build()) {
      client.watch(
          jobId,
          (JobProgress p) -> {
            bar.maxHint(p.getChunks().getTotal());
            bar.stepTo(p.getChunks().getSucceeded() + p.getChunks().getFailed());
            bar.setExtraMessage(p.getStatus());
          });
    }
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description = {
        "Submits a job file to a cluster over gRPC and prints its id ({\"jobId\": ...} with"
            + " --json).",
        "With --wait, shows progress on stderr and prints the finished job (one JSON object with"
            + " --json, as `status --json`)."
      })
  static final class Submit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB.yaml", description = "The job file.")
    Path jobFile;

    @Mixin Endpoint endpoint;

    @Option(names = "--wait", description = "Wait for the job to end and print its result.")
    boolean await;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(jobFile)) {
        throw new NoSuchFileException(jobFile.toString());
      }
      String yaml = Files.readString(jobFile);
      PrintWriter out = spec.commandLine().getOut();
      try (AlphaPulseClient client = endpoint.connect()) {
        String jobId = client.submit(yaml);
        if (!await) {
          out.println(json ? StatsJson.MAPPER.createObjectNode().put("jobId", jobId) : jobId);
          out.flush();
          return 0;
        }
        watch(client, jobId);
        printReply(out, client.get(jobId), json);
      }
      return 0;
    }
  }

  /**
   * A command about one job: {@code JOB_ID}, {@code --endpoint} and {@code --json}; prints the
   * reply {@link #reply} gets.
   */
  abstract static class JobCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Mixin Endpoint endpoint;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** Talks to the job and returns the reply to print. */
    abstract JobReply reply(AlphaPulseClient client);

    @Override
    public Integer call() {
      try (AlphaPulseClient client = endpoint.connect()) {
        printReply(spec.commandLine().getOut(), reply(client), json);
      }
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Prints a job's status; with --json one object: jobId, status, coordinatorNode, chunks"
              + " while running, plus results and best once finished.")
  static final class Status extends JobCommand {
    @Override
    JobReply reply(AlphaPulseClient client) {
      return client.get(jobId);
    }
  }

  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = "Shows a job's progress on stderr until it ends, then prints its status.")
  static final class Watch extends JobCommand {
    @Override
    JobReply reply(AlphaPulseClient client) {
      watch(client, jobId);
      return client.get(jobId);
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancels a job: dispatching stops and the job ends as CANCELLED.")
  static final class Cancel extends JobCommand {
    @Override
    JobReply reply(AlphaPulseClient client) {
      return client.cancel(jobId);
    }
  }

  @Command(
      name = "jobs",
      mixinStandardHelpOptions = true,
      description = "Lists the cluster's jobs, newest first.")
  static final class Jobs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Endpoint endpoint;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (AlphaPulseClient client = endpoint.connect()) {
        ArrayNode array = StatsJson.MAPPER.createArrayNode();
        for (JobSummary j : client.list().getJobsList()) {
          if (json) {
            array
                .addObject()
                .put("jobId", j.getJobId())
                .put("status", j.getStatus())
                .put("strategy", j.getStrategy())
                .put("chunksTotal", j.getChunksTotal())
                .put("chunksDone", j.getChunksDone());
          } else {
            out.printf(
                "%-40s %-24s %-16s %d/%d chunks%n",
                j.getJobId(),
                j.getStatus(),
                j.getStrategy(),
                j.getChunksDone(),
                j.getChunksTotal());
          }
        }
        if (json) {
          out.println(array);
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "cluster",
      mixinStandardHelpOptions = true,
      description =
          "Shows the cluster: members, roles, slots, CPU and memory per node, active jobs.")
  static final class Cluster implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Endpoint endpoint;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (AlphaPulseClient client = endpoint.connect()) {
        ClusterStatus status = client.clusterStatus();
        if (json) {
          ObjectNode o = StatsJson.MAPPER.createObjectNode();
          ArrayNode members = o.putArray("members");
          for (Member m : status.getMembersList()) {
            ObjectNode n = members.addObject();
            n.put("address", m.getAddress()).put("status", m.getStatus());
            m.getRolesList().forEach(n.putArray("roles")::add);
            n.put("slots", m.getSlots())
                .put("cpuLoad", m.getCpuLoad())
                .put("heapUsedBytes", m.getHeapUsedBytes())
                .put("heapMaxBytes", m.getHeapMaxBytes());
          }
          status.getActiveJobsList().forEach(o.putArray("activeJobs")::add);
          out.println(o);
        } else {
          for (Member m : status.getMembersList()) {
            out.printf(
                "%-28s %-8s roles=%s slots=%d cpu=%.0f%% heap=%d/%d MB%n",
                m.getAddress(),
                m.getStatus(),
                m.getRolesList(),
                m.getSlots(),
                m.getCpuLoad() * 100,
                m.getHeapUsedBytes() >> 20,
                m.getHeapMaxBytes() >> 20);
          }
          out.println("active jobs: " + status.getActiveJobsList());
        }
      }
      out.flush();
      return 0;
    }
  }
}
