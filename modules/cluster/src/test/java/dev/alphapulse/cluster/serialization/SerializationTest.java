package dev.alphapulse.cluster.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.Kryo;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.cluster.job.ChunkCounts;
import dev.alphapulse.cluster.job.ChunkFailure;
import dev.alphapulse.cluster.job.ChunkResults;
import dev.alphapulse.cluster.job.CoordinatorSnapshot;
import dev.alphapulse.cluster.job.CoordinatorState;
import dev.alphapulse.cluster.job.JobAggregator;
import dev.alphapulse.cluster.job.JobCoordinator;
import dev.alphapulse.cluster.job.JobEvent;
import dev.alphapulse.cluster.job.JobProgress;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.cluster.util.ResourceMonitor;
import dev.alphapulse.cluster.worker.WorkerPool;
import dev.alphapulse.engine.metrics.StatMap;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Round trips through the serializers the actor system binds: Kryo for remote messages (job-model
 * records inside them included), Jackson CBOR for persisted events and snapshots; registration is
 * complete and unregistered classes are refused.
 */
class SerializationTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create("serialization-test", ConfigFactory.load());
  private static final Serialization SER =
      SerializationExtension.get(Adapter.toClassic(KIT.system()));

  private static final JobTicket SWEEP = TestJobs.ticket("job-s", TestJobs.sweep(3), 2);
  private static final JobTicket TIMED =
      TestJobs.ticket(
          "job-t",
          JobSpecs.parseYaml(
              "type: backtest\n"
                  + "data: {synthetic: {symbols: 1, bars: 1200, seed: 3}}\n"
                  + "strategy: sma-cross\n"
                  + "params: {fast: 5, slow: 20}\n"
                  + "parallelization: {strategy: TIME_BASED, chunk-size: 300}\n"),
          2);

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private static Object roundTrip(Object o, String serializerName) {
    var serializer = SER.findSerializerFor(o);
    assertThat(serializer.getClass().getSimpleName()).isEqualTo(serializerName);
    byte[] bytes = SER.serialize(o).get();
    Object back =
        SER.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, o))
            .get();
    assertThat(back).isEqualTo(o);
    return back;
  }

  private static Object kryo(Object o) {
    return roundTrip(o, "KryoSerializer");
  }

  private static Object jackson(Object o) {
    return roundTrip(o, "JacksonCborSerializer");
  }

  @Test
  void coordinator_protocol_round_trips_through_kryo() {
    TestProbe<StatusReply<JobCoordinator.Accepted>> accepted = KIT.createTestProbe();
    TestProbe<WorkerPool.Command> pool = KIT.createTestProbe();
    TestProbe<JobCoordinator.StatusReport> status = KIT.createTestProbe();
    TestProbe<JobAggregator.Progress> watcher = KIT.createTestProbe();
    List<ChunkResult> results = TestJobs.sequentialChunks(SWEEP);
    List<ChunkResult> segments = TestJobs.sequentialChunks(TIMED);
    assertThat(segments.get(segments.size() - 1).segment()).isNotNull();

    kryo(new JobCoordinator.Submit(SWEEP, accepted.ref()));
    kryo(new JobCoordinator.Submit(TIMED, accepted.ref()));
    kryo(new JobCoordinator.Accepted("job-s", 12, "127.0.0.1:2551"));
    kryo(new JobCoordinator.GetStatus(status.ref()));
    kryo(new JobCoordinator.Cancel("user", status.ref()));
    kryo(new JobCoordinator.Subscribe(watcher.ref()));
    kryo(new JobCoordinator.Unsubscribe(watcher.ref()));
    kryo(new JobCoordinator.RequestWork(3, pool.ref()));
    kryo(
        new JobCoordinator.RequestWork(
            2,
            pool.ref(),
            false,
            List.of(new JobCoordinator.Completed(results.get(0).chunkId(), 1, results.get(0))),
            "127.0.0.1:2552"));
    for (ChunkResult r : results) {
      kryo(JobCoordinator.ReportResults.of(r.chunkId(), 1, r, "127.0.0.1:2552", pool.ref()));
    }
    for (ChunkResult r : segments) {
      kryo(JobCoordinator.ReportResults.of(r.chunkId(), 2, r, "127.0.0.1:2552", pool.ref()));
    }
    kryo(
        new JobCoordinator.ReportFailure(
            4, 2, "java.lang.IllegalStateException: x", "h:1", pool.ref()));
    JobCoordinator.StatusReport report =
        new JobCoordinator.StatusReport(
            "job-s",
            JobStatus.COMPLETED_WITH_FAILURES,
            new ChunkCounts(12, 11, 1, 15, 0, 0),
            SWEEP,
            1_700_000_100_000L,
            3.5,
            0,
            "127.0.0.1:2551",
            List.of(new ChunkFailure(4, 3, "boom")));
    kryo(report);
    kryo(new JobCoordinator.ResultReport(report, results, -1));
    kryo(JobCoordinator.Stop.INSTANCE);
  }

  @Test
  void results_of_a_big_job_are_paged_under_the_default_remote_frame() {
    List<ChunkResult> one = TestJobs.sequentialChunks(SWEEP);
    TreeMap<Integer, ChunkResult> completed = new TreeMap<>();
    for (int id = 0; completed.size() < 900; id++) {
      completed.put(id, new ChunkResult(id, one.get(id % one.size()).runs(), null));
    }
    CoordinatorState state =
        new CoordinatorState(
            SWEEP,
            JobStatus.SUCCEEDED,
            ChunkResults.of(completed),
            List.of(),
            new TreeMap<>(),
            new TreeMap<>(),
            900,
            1L);
    JobCoordinator.StatusReport status =
        new JobCoordinator.StatusReport(
            "job-s",
            JobStatus.SUCCEEDED,
            new ChunkCounts(900, 900, 0, 900, 0, 0),
            SWEEP,
            1L,
            0,
            0,
            "127.0.0.1:2551",
            List.of());
    long whole =
        SER.serialize(new JobCoordinator.ResultReport(status, state.results(), -1)).get().length;
    assertThat(whole).as("one unpaged report").isGreaterThan(256 * 1024);
    List<ChunkResult> seen = new ArrayList<>();
    int pages = 0;
    for (int from = 0; from >= 0; pages++) {
      JobCoordinator.ResultReport page = JobCoordinator.page(status, state, from);
      assertThat(SER.serialize(page).get().length).isLessThan(256 * 1024);
      assertThat(page.results()).isNotEmpty();
      seen.addAll(page.results());
      from = page.nextChunk();
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(seen).isEqualTo(state.results());
  }

  @Test
  void worker_and_watcher_protocols_round_trip_through_kryo() {
    TestProbe<JobCoordinator.Command> coordinator = KIT.createTestProbe();
    TestProbe<WorkerPool.NodeReport> reports = KIT.createTestProbe();
    TestProbe<JobAggregator.Command> aggregator = KIT.createTestProbe();
    kryo(new WorkerPool.WorkAvailable("job-s", coordinator.ref()));
    kryo(
        new WorkerPool.WorkGranted(
            "job-s",
            SWEEP,
            List.of(new WorkerPool.Assignment(0, 1), new WorkerPool.Assignment(7, 3)),
            coordinator.ref()));
    kryo(
        new WorkerPool.WorkGranted(
            "job-s", null, List.of(new WorkerPool.Assignment(1, 1)), coordinator.ref()));
    kryo(new WorkerPool.NoWork("job-s", coordinator.ref()));
    kryo(new WorkerPool.JobEnded("job-s"));
    kryo(new WorkerPool.GetReport(reports.ref()));
    kryo(new WorkerPool.SetSlots(3, reports.ref()));
    ResourceMonitor.Sample sample = ResourceMonitor.createDefault().sample();
    kryo(new WorkerPool.NodeReport("h:1", 4, 2, 10, 1, List.of("job-s"), sample, true));
    kryo(new JobAggregator.Progress(progress(sweepRuns()), aggregator.ref()));
    kryo(JobAggregator.unknown("nope"));
  }

  @Test
  void a_progress_update_of_the_most_runs_fits_a_remote_frame_with_room_to_spare() {
    List<RunResult> some = sweepRuns();
    List<RunResult> runs = new ArrayList<>();
    while (runs.size() < JobProgress.MAX_RUNS) {
      runs.addAll(some.subList(0, Math.min(some.size(), JobProgress.MAX_RUNS - runs.size())));
    }
    TestProbe<JobAggregator.Command> aggregator = KIT.createTestProbe();
    byte[] bytes =
        SER.serialize(new JobAggregator.Progress(progress(runs), aggregator.ref())).get();
    // node.conf sets Artery's maximum-frame-size to 4 MiB
    assertThat(bytes.length).isLessThan(1024 * 1024);
  }

  private static List<RunResult> sweepRuns() {
    List<RunResult> runs = new ArrayList<>();
    TestJobs.sequentialChunks(SWEEP).forEach(c -> runs.addAll(c.runs()));
    return runs;
  }

  /** A running job's update with {@code runs}, more to follow. */
  private static JobProgress progress(List<RunResult> runs) {
    return new JobProgress(
        "job-s",
        JobStatus.RUNNING,
        new ChunkCounts(12, 3, 0, 3, 4, 5),
        2.0,
        4.5,
        1234,
        "Sharpe Ratio",
        runs.get(5),
        runs,
        true);
  }

  @Test
  void typed_actor_refs_resolve_to_the_same_actor() {
    TestProbe<String> probe = KIT.createTestProbe();
    TestProbe<JobAggregator.Progress> watcher = KIT.createTestProbe();
    var back = (JobCoordinator.Subscribe) kryo(new JobCoordinator.Subscribe(watcher.ref()));
    back.watcher().tell(JobAggregator.unknown("x"));
    assertThat(watcher.receiveMessage().progress().jobId()).isEqualTo("x");
    assertThat(probe.ref()).isNotNull();
  }

  @Test
  void events_and_snapshots_round_trip_through_jackson_cbor() {
    List<ChunkResult> results = TestJobs.sequentialChunks(SWEEP);
    List<ChunkResult> segments = TestJobs.sequentialChunks(TIMED);
    jackson(new JobEvent.JobAccepted(SWEEP));
    jackson(new JobEvent.JobAccepted(TIMED));
    jackson(new JobEvent.ChunkCompleted(0, 1, results.get(0), "h:1"));
    jackson(new JobEvent.ChunkCompleted(1, 1, segments.get(1), "h:1"));
    jackson(new JobEvent.ChunkCompleted(3, 1, segments.get(3), "h:1"));
    jackson(new JobEvent.ChunkFailed(2, 1, "boom", "h:2"));
    jackson(new JobEvent.ChunkAbandoned(2, 3, "boom"));
    jackson(new JobEvent.JobFinished(JobStatus.SUCCEEDED, 1_700_000_000_000L));
    jackson(new JobEvent.JobCancelled("user", 1_700_000_000_000L));
    CoordinatorState s = CoordinatorState.empty().apply(new JobEvent.JobAccepted(SWEEP));
    for (ChunkResult r : results) {
      s = s.apply(new JobEvent.ChunkCompleted(r.chunkId(), 1, r, "h:1"));
    }
    s = s.apply(new JobEvent.ChunkFailed(1, 1, "x", "h"));
    CoordinatorState back = (CoordinatorState) jackson(s);
    assertThat(back.completed()).isEqualTo(s.completed());
    jackson(CoordinatorState.empty());
    // what snapshots store since the fourth session
    CoordinatorSnapshot snapshot = CoordinatorSnapshot.of(s);
    assertThat(jackson(snapshot)).isEqualTo(snapshot);
    assertThat(((CoordinatorSnapshot) jackson(snapshot)).toState().inJournal())
        .containsExactlyElementsOf(s.completed().keySet());
  }

  @Test
  void params_keep_their_number_types_through_both_serializers() {
    RunResult r = TestJobs.sequentialChunks(SWEEP).get(0).runs().get(0);
    Map<String, Number> params = new TreeMap<>(r.params());
    params.put("ratio", 0.25);
    RunResult mixed =
        new RunResult(
            r.paramIndex(),
            r.symbolIndex(),
            params,
            r.symbol(),
            r.convention(),
            r.start(),
            r.end(),
            r.stats());
    ChunkResult c = new ChunkResult(0, List.of(mixed), null);
    var viaKryo =
        (JobCoordinator.ReportResults) kryo(JobCoordinator.ReportResults.of(0, 1, c, "h", null));
    ChunkResult back = viaKryo.results().get(0).result();
    assertThat(back.runs().get(0).params().get("fast")).isInstanceOf(Integer.class);
    assertThat(back.runs().get(0).params().get("ratio")).isInstanceOf(Double.class);
    var viaJackson = (JobEvent.ChunkCompleted) jackson(new JobEvent.ChunkCompleted(0, 1, c, "h"));
    assertThat(viaJackson.result().runs().get(0).params().get("fast")).isInstanceOf(Integer.class);
    assertThat(viaJackson.result().runs().get(0).params().get("ratio")).isInstanceOf(Double.class);
  }

  @Test
  void statistics_stay_compact_and_bit_exact_through_both_serializers() {
    RunResult r = TestJobs.sequentialChunks(SWEEP).get(0).runs().get(0);
    Map<String, Double> stats = new LinkedHashMap<>(r.stats());
    stats.put("negative zero", -0.0);
    stats.put("undefined", Double.NaN);
    RunResult odd =
        new RunResult(
            r.paramIndex(),
            r.symbolIndex(),
            r.params(),
            r.symbol(),
            r.convention(),
            r.start(),
            r.end(),
            stats);
    assertThat(odd.stats()).isInstanceOf(StatMap.class);
    ChunkResult c = new ChunkResult(0, List.of(odd), null);
    var viaKryo =
        (JobCoordinator.ReportResults) kryo(JobCoordinator.ReportResults.of(0, 1, c, "h", null));
    var viaJackson = (JobEvent.ChunkCompleted) jackson(new JobEvent.ChunkCompleted(0, 1, c, "h"));
    for (ChunkResult back : List.of(viaKryo.results().get(0).result(), viaJackson.result())) {
      StatMap s = (StatMap) back.runs().get(0).stats();
      assertThat(List.copyOf(s.keySet())).isEqualTo(List.copyOf(stats.keySet()));
      assertThat(Double.doubleToRawLongBits(s.value("negative zero", 1)))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
      assertThat(s.value("undefined", 1)).isNaN();
      // the names are the node's shared list, not a copy per run
      assertThat(s.name(0)).isSameAs(((StatMap) odd.stats()).name(0));
    }
  }

  @Test
  void every_public_message_is_registered_and_unregistered_classes_are_refused() {
    Kryo kryo = KryoRegistrations.configure(new Kryo(), () -> null);
    List<Class<?>> protocols =
        List.of(JobCoordinator.Command.class, WorkerPool.Command.class, JobEvent.class);
    for (Class<?> p : protocols) {
      for (Class<?> c : p.getPermittedSubclasses()) {
        if (java.lang.reflect.Modifier.isPublic(c.getModifiers()) && p != JobEvent.class) {
          assertThat(kryo.getClassResolver().getRegistration(c)).as(c.getName()).isNotNull();
        }
      }
    }
    assertThat(kryo.getClassResolver().getRegistration(JobAggregator.Progress.class)).isNotNull();
    assertThatThrownBy(() -> SER.serialize(new Unregistered("x")).get())
        .hasMessageContaining("not registered");
  }

  /** A message whose class is not on the list. */
  record Unregistered(String value) implements KryoMessage {}
}
