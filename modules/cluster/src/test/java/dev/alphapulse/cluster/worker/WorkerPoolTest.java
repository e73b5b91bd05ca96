package dev.alphapulse.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.cluster.job.JobCoordinator;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.cluster.util.ResourceMonitor;
import dev.alphapulse.jobs.ChunkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool's pull protocol against a probe standing in for the coordinator: how many chunks it asks
 * for (free slots plus the per-slot prefetch), and that it asks again for exactly what it can hold
 * after each outcome. Outcomes travel through real sharding to an entity that forwards them to the
 * probe.
 */
class WorkerPoolTest {
  private static final Config CONFIG =
      ConfigFactory.parseString(
              "pekko.actor.provider = cluster\n"
                  + "pekko.remote.artery.canonical.hostname = 127.0.0.1\n"
                  + "pekko.remote.artery.canonical.port = 0\n"
                  + "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on\n")
          .withFallback(ConfigFactory.load());
  private static ActorTestKit kit;
  private static TestProbe<JobCoordinator.Command> coordinator;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("worker-pool-test", CONFIG);
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    coordinator = kit.createTestProbe();
    ActorRef<JobCoordinator.Command> forward = coordinator.ref();
    ClusterSharding.get(kit.system())
        .init(
            Entity.of(
                JobCoordinator.ENTITY_KEY,
                ec ->
                    Behaviors.receiveMessage(
                        m -> {
                          forward.tell(m);
                          return Behaviors.same();
                        })));
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static ActorRef<WorkerPool.Command> pool(int slots, int prefetchPerSlot) {
    return pool(slots, prefetchPerSlot, Duration.ZERO);
  }

  private static ActorRef<WorkerPool.Command> pool(
      int slots, int prefetchPerSlot, Duration prefetchTime) {
    ChunkRunner runner = new ChunkRunner(TestJobs.DATASETS, null);
    return kit.spawn(
        WorkerPool.create(
            slots,
            prefetchPerSlot,
            prefetchTime,
            runner,
            new ResourceMonitor(0.95, 0.9, 5),
            Duration.ofSeconds(5)));
  }

  private static JobCoordinator.RequestWork expectRequest() {
    return coordinator.expectMessageClass(JobCoordinator.RequestWork.class, Duration.ofSeconds(10));
  }

  @Test
  void asksForItsSlotsPlusThePrefetch() {
    ActorRef<WorkerPool.Command> pool = pool(2, 1);
    pool.tell(new WorkerPool.WorkAvailable("job-a", coordinator.ref()));
    JobCoordinator.RequestWork first = expectRequest();
    assertThat(first.slots()).isEqualTo(4);
    assertThat(first.needTicket()).isTrue();
    assertThat(first.results()).isEmpty();

    ActorRef<WorkerPool.Command> exact = pool(3, 0);
    exact.tell(new WorkerPool.WorkAvailable("job-b", coordinator.ref()));
    assertThat(expectRequest().slots()).isEqualTo(3);
  }

  @Test
  void refillsWhatEachOutcomeFreesAndReportsEveryChunkOnce() {
    JobTicket ticket = TestJobs.ticket("job-c", TestJobs.sweep(4), 1);
    List<ChunkResult> expected = TestJobs.sequentialChunks(ticket);
    ActorRef<WorkerPool.Command> pool = pool(1, 1);
    pool.tell(new WorkerPool.WorkAvailable("job-c", coordinator.ref()));
    assertThat(expectRequest().slots()).isEqualTo(2);

    // Two chunks held: one running, one queued behind it on the single slot.
    pool.tell(
        new WorkerPool.WorkGranted(
            "job-c",
            ticket,
            List.of(new WorkerPool.Assignment(0, 1), new WorkerPool.Assignment(1, 1)),
            coordinator.ref()));
    List<Integer> reported = new ArrayList<>();
    int next = 2;
    while (reported.size() < 4) {
      JobCoordinator.Command m = coordinator.receiveMessage(Duration.ofSeconds(30));
      if (m instanceof JobCoordinator.ReportResults r) {
        // results the pool reports on their own: it is not asking for more
        assertThat(next).isEqualTo(4);
        for (JobCoordinator.Completed c : r.results()) {
          assertThat(c.result()).isEqualTo(expected.get(c.chunkId()));
          reported.add(c.chunkId());
        }
      } else if (m instanceof JobCoordinator.RequestWork w) {
        // After an outcome the pool holds one chunk, so it asks for exactly one more, with the
        // result; it has the ticket already.
        assertThat(w.slots()).isEqualTo(1);
        assertThat(w.needTicket()).isFalse();
        assertThat(w.results()).hasSize(1);
        for (JobCoordinator.Completed c : w.results()) {
          assertThat(c.result()).isEqualTo(expected.get(c.chunkId()));
          reported.add(c.chunkId());
        }
        if (next < 4) {
          pool.tell(
              new WorkerPool.WorkGranted(
                  "job-c", null, List.of(new WorkerPool.Assignment(next++, 1)), coordinator.ref()));
        } else {
          pool.tell(new WorkerPool.NoWork("job-c", coordinator.ref()));
        }
      }
    }
    assertThat(reported).containsExactly(0, 1, 2, 3);
  }

  @Test
  void queuesAboutThePrefetchTimeOfShortChunksAndAsksAtHalfOfIt() {
    long ms = 1_000_000;
    // nothing measured yet, or no prefetch time: the per-slot prefetch
    assertThat(WorkerPool.queuePerSlot(1, 20 * ms, -1)).isEqualTo(1);
    assertThat(WorkerPool.queuePerSlot(2, 0, 3 * ms)).isEqualTo(2);
    // 20 ms of 3 ms chunks: 7; of 40 ms chunks: the prefetch; of 1 microsecond chunks: the cap
    assertThat(WorkerPool.queuePerSlot(1, 20 * ms, 3 * ms)).isEqualTo(7);
    assertThat(WorkerPool.queuePerSlot(1, 20 * ms, 40 * ms)).isEqualTo(1);
    assertThat(WorkerPool.queuePerSlot(1, 20 * ms, 1_000)).isEqualTo(WorkerPool.MAX_QUEUE_PER_SLOT);
    assertThat(WorkerPool.askAt(1, 1)).isEqualTo(1);
    assertThat(WorkerPool.askAt(2, 1)).isEqualTo(1);
    assertThat(WorkerPool.askAt(1, 7)).isEqualTo(3);
    assertThat(WorkerPool.askAt(8, 1)).isEqualTo(4);
  }

  @Test
  void asksForShortChunksAndReportsTheirResultsSeveralAtATime() {
    JobTicket ticket = TestJobs.ticket("job-d", TestJobs.sweep(1), 1); // 48 one-set chunks
    List<ChunkResult> expected = TestJobs.sequentialChunks(ticket);
    ActorRef<WorkerPool.Command> pool = pool(1, 1, Duration.ofSeconds(2));
    pool.tell(new WorkerPool.WorkAvailable("job-d", coordinator.ref()));
    assertThat(expectRequest().slots()).isEqualTo(2); // nothing measured yet
    pool.tell(
        new WorkerPool.WorkGranted(
            "job-d",
            ticket,
            List.of(new WorkerPool.Assignment(0, 1), new WorkerPool.Assignment(1, 1)),
            coordinator.ref()));
    List<Integer> reported = new ArrayList<>();
    int next = 2;
    int mostAsked = 0;
    int mostCarried = 0;
    while (reported.size() < expected.size()) {
      JobCoordinator.Command m = coordinator.receiveMessage(Duration.ofSeconds(30));
      List<JobCoordinator.Completed> results = List.of();
      if (m instanceof JobCoordinator.RequestWork w) {
        results = w.results();
        mostAsked = Math.max(mostAsked, w.slots());
        mostCarried = Math.max(mostCarried, w.results().size());
        // grant exactly what was asked while there is enough, so the pool keeps asking
        List<WorkerPool.Assignment> grant = new ArrayList<>();
        while (grant.size() < w.slots() && next < expected.size()) {
          grant.add(new WorkerPool.Assignment(next++, 1));
        }
        pool.tell(new WorkerPool.WorkGranted("job-d", null, grant, coordinator.ref()));
      } else if (m instanceof JobCoordinator.ReportResults r) {
        results = r.results();
      }
      for (JobCoordinator.Completed c : results) {
        assertThat(c.result()).isEqualTo(expected.get(c.chunkId()));
        reported.add(c.chunkId());
      }
    }
    assertThat(reported).doesNotHaveDuplicates().hasSize(expected.size());
    // 2 s of sub-second chunks: a queue of more than one chunk, asked for several at a time, and
    // results reported several per request
    assertThat(mostAsked).isGreaterThan(2);
    assertThat(mostCarried).isGreaterThan(1);
  }

  @Test
  void holdsAResultWhileItsQueueIsFullAndReportsItOnItsOwnAfterHalfThePrefetchTime() {
    // 6 chunks of 8 sets x 2 symbols x 200,000 bars: tens of milliseconds each, far longer than
    // the 1 ms after which a held result is due (plus the scheduler's tick)
    JobTicket ticket = TestJobs.ticket("job-e", TestJobs.sweep(2, 200_000, 8, 3, 50), 1);
    List<ChunkResult> expected = TestJobs.sequentialChunks(ticket);
    assertThat(expected).hasSize(6);
    // 1 slot, 4 queued: it holds 5 chunks and asks again once 2 places are free
    ActorRef<WorkerPool.Command> pool = pool(1, 4, Duration.ofMillis(2));
    pool.tell(new WorkerPool.WorkAvailable("job-e", coordinator.ref()));
    assertThat(expectRequest().slots()).isEqualTo(5);
    List<WorkerPool.Assignment> five = new ArrayList<>();
    for (int c = 0; c < 5; c++) {
      five.add(new WorkerPool.Assignment(c, 1));
    }
    pool.tell(new WorkerPool.WorkGranted("job-e", ticket, five, coordinator.ref()));

    // chunk 0 done: one place free, too few to ask, so its result is held and then reported alone
    JobCoordinator.Command first = coordinator.receiveMessage(Duration.ofSeconds(30));
    assertThat(first).isInstanceOf(JobCoordinator.ReportResults.class);
    List<JobCoordinator.Completed> alone = ((JobCoordinator.ReportResults) first).results();
    assertThat(alone).extracting(JobCoordinator.Completed::chunkId).containsExactly(0);
    // chunk 1 done: two places free, so it asks for them, with chunk 1's result
    JobCoordinator.RequestWork ask = expectRequest();
    assertThat(ask.slots()).isEqualTo(2);
    assertThat(ask.needTicket()).isFalse();
    assertThat(ask.results()).extracting(JobCoordinator.Completed::chunkId).containsExactly(1);
    pool.tell(
        new WorkerPool.WorkGranted(
            "job-e", null, List.of(new WorkerPool.Assignment(5, 1)), coordinator.ref()));

    List<JobCoordinator.Completed> reported = new ArrayList<>(alone);
    reported.addAll(ask.results());
    while (reported.size() < expected.size()) {
      JobCoordinator.Command m = coordinator.receiveMessage(Duration.ofSeconds(30));
      if (m instanceof JobCoordinator.RequestWork w) {
        reported.addAll(w.results());
        pool.tell(new WorkerPool.NoWork("job-e", coordinator.ref()));
      } else if (m instanceof JobCoordinator.ReportResults r) {
        reported.addAll(r.results());
      }
    }
    assertThat(reported)
        .extracting(JobCoordinator.Completed::chunkId)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    for (JobCoordinator.Completed c : reported) {
      assertThat(c.result()).isEqualTo(expected.get(c.chunkId()));
    }
  }
}
