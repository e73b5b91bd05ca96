package dev.alphapulse.api;

import dev.alphapulse.api.grpc.ChunkCounts;
import dev.alphapulse.api.grpc.ChunkFailure;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.JobProgress;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.api.grpc.JobSummary;
import dev.alphapulse.api.grpc.Member;
import dev.alphapulse.api.grpc.RunResult;
import dev.alphapulse.cluster.ClusterStatusView;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobStatusView;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cluster API's view records as protobuf messages: field for field, nothing computed beyond
 * unit changes (durations in seconds) and the JSON of {@link JobJson}.
 */
final class ProtoViews {
  private static final Comparator<dev.alphapulse.jobs.RunResult> RESULT_ORDER =
      Comparator.comparingInt(dev.alphapulse.jobs.RunResult::paramIndex)
          .thenComparingInt(dev.alphapulse.jobs.RunResult::symbolIndex);

  private ProtoViews() {}

  /**
   * A job that has not ended: status and counts, no results; {@code json} as {@link
   * JobJson#running}.
   */
  static JobReply running(JobStatusView v) {
    return header(v).setJson(JobJson.running(v).toString()).build();
  }

  /** A job with its results; {@code json} as {@link JobJson#finished}. */
  static JobReply finished(String jobId, JobOutcome o) {
    JobReply.Builder b = header(o.status()).setJobId(jobId).setObjective(o.objective());
    o.runs().stream().sorted(RESULT_ORDER).forEach(r -> b.addResults(run(r)));
    if (o.best() != null) {
      b.setBest(run(o.best()));
    }
    if (o.overfitting() != null) {
      b.setOverfittingJson(o.overfitting());
    }
    return b.setJson(JobJson.finished(jobId, o.status(), o).toString()).build();
  }

  private static JobReply.Builder header(JobStatusView v) {
    JobReply.Builder b =
        JobReply.newBuilder()
            .setJobId(v.jobId())
            .setStatus(v.status().name())
            .setCoordinatorNode(nullToEmpty(v.coordinatorNode()))
            .setChunks(chunks(v.chunks()))
            .setDurationSeconds(v.duration().toMillis() / 1000.0)
            .setStrategy(nullToEmpty(v.strategy()))
            .setType(v.type() == null ? "" : v.type().fileName());
    for (dev.alphapulse.cluster.job.ChunkFailure f : v.failures()) {
      b.addFailures(
          ChunkFailure.newBuilder()
              .setChunkId(f.chunkId())
              .setAttempts(f.attempts())
              .setError(nullToEmpty(f.error())));
    }
    return b;
  }

  static JobSummary summary(JobStatusView v) {
    return JobSummary.newBuilder()
        .setJobId(v.jobId())
        .setStatus(v.status().name())
        .setStrategy(nullToEmpty(v.strategy()))
        .setChunksTotal(v.chunks().total())
        .setChunksDone(v.chunks().done())
        .setType(v.type() == null ? "" : v.type().fileName())
        .setChunksFailed(v.chunks().failed())
        .setSubmittedAt(v.submittedAt() == null ? "" : v.submittedAt().toString())
        .setDurationSeconds(v.duration().toMillis() / 1000.0)
        .setCoordinatorNode(nullToEmpty(v.coordinatorNode()))
        .build();
  }

  static JobProgress progress(dev.alphapulse.cluster.job.JobProgress p) {
    JobProgress.Builder b =
        JobProgress.newBuilder()
            .setJobId(p.jobId())
            .setStatus(p.status().name())
            .setChunks(chunks(p.chunks()))
            .setChunksPerSecond(p.chunksPerSecond())
            .setEtaSeconds(p.etaSeconds())
            .setElapsedSeconds(p.elapsedMillis() / 1000.0)
            .setObjective(nullToEmpty(p.objective()))
            .setMoreResults(p.more());
    if (p.best() != null) {
      b.setBest(run(p.best()));
    }
    p.newRuns().forEach(r -> b.addNewResults(run(r)));
    return b.build();
  }

  static RunResult run(dev.alphapulse.jobs.RunResult r) {
    RunResult.Builder b =
        RunResult.newBuilder()
            .setSymbol(r.symbol())
            .setStatsJson(JobJson.stats(r).toString())
            .setParamIndex(r.paramIndex())
            .setSymbolIndex(r.symbolIndex());
    r.params().forEach((k, v) -> b.putParams(k, v.doubleValue()));
    return b.build();
  }

  static ChunkCounts chunks(dev.alphapulse.cluster.job.ChunkCounts c) {
    return ChunkCounts.newBuilder()
        .setTotal(c.total())
        .setSucceeded(c.succeeded())
        .setFailed(c.failed())
        .setAttempts(saturatedInt(c.attempts()))
        .setRunning(c.running())
        .setPending(c.pending())
        .build();
  }

  /** Members in address order; worker nodes' slots and resources joined by address. */
  static ClusterStatus cluster(ClusterStatusView v) {
    Map<String, ClusterStatusView.Node> nodes = new HashMap<>();
    v.nodes().forEach(n -> nodes.put(n.node(), n));
    ClusterStatus.Builder b =
        ClusterStatus.newBuilder()
            .setSelfNode(nullToEmpty(v.selfNode()))
            .setLeader(nullToEmpty(v.leader()))
            .addAllActiveJobs(v.activeJobs());
    v.members().stream()
        .sorted(Comparator.comparing(ClusterStatusView.Member::address))
        .forEach(
            m -> {
              Member.Builder mb =
                  Member.newBuilder()
                      .setAddress(m.address())
                      .setStatus(m.status())
                      .addAllRoles(new TreeSet<>(m.roles()))
                      .setReachable(m.reachable());
              ClusterStatusView.Node n = nodes.get(m.address());
              if (n != null) {
                mb.setWorker(true)
                    .setSlots(n.slots())
                    .setBusySlots(n.busySlots())
                    .setCpuLoad(n.cpuLoad())
                    .setProcessors(n.processors())
                    .setMemoryUsedBytes(n.memoryUsedBytes())
                    .setMemoryTotalBytes(n.memoryTotalBytes())
                    .setHeapUsedBytes(n.heapUsedBytes())
                    .setHeapMaxBytes(n.heapMaxBytes())
                    .setChunksCompleted(n.chunksCompleted())
                    .setChunksFailed(n.chunksFailed())
                    .setAvailable(n.available());
              }
              b.addMembers(mb);
            });
    return b.build();
  }

  private static int saturatedInt(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
