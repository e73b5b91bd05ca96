package dev.alphapulse.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import dev.alphapulse.cluster.job.ChunkCounts;
import dev.alphapulse.cluster.job.ChunkFailure;
import dev.alphapulse.cluster.job.JobAggregator;
import dev.alphapulse.cluster.job.JobCoordinator;
import dev.alphapulse.cluster.job.JobProgress;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.cluster.util.ResourceMonitor;
import dev.alphapulse.cluster.worker.WorkerPool;
import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.metrics.StatMap;
import dev.alphapulse.jobs.BacktestSettings;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobType;
import dev.alphapulse.jobs.Parallelization;
import dev.alphapulse.jobs.ParallelizationStrategy;
import dev.alphapulse.jobs.ParamRange;
import dev.alphapulse.jobs.RunResult;
import dev.alphapulse.jobs.TimeSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRefResolver;

/**
 * The explicit Kryo registration list: every class that may appear in a {@link KryoMessage}, with a
 * fixed id. Ids are positional (starting at {@link #FIRST_ID}), so <b>append only</b>: inserting or
 * reordering breaks mixed-version clusters. A test checks that every public message of every actor
 * protocol is listed.
 */
public final class KryoRegistrations {
  private KryoRegistrations() {}

  /** The first id of the list (Kryo's own defaults use lower ids). */
  public static final int FIRST_ID = 100;

  /** The typed actor ref implementation (an internal Pekko class, reached by name). */
  static final String ACTOR_REF_ADAPTER =
      "org.apache.pekko.actor.typed.internal.adapter.ActorRefAdapter";

  /**
   * Classes of the JDK's read-only lists, sets and maps, written by {@link CollectionSerializers}.
   */
  static List<Class<?>> readOnlyLists() {
    List<Integer> base = new ArrayList<>(List.of(1, 2, 3));
    return List.of(
        List.of().getClass(),
        List.of(1).getClass(),
        List.of(1, 2, 3).getClass(),
        Collections.unmodifiableList(base).getClass(),
        Collections.unmodifiableList(new java.util.LinkedList<>(base)).getClass(),
        Collections.emptyList().getClass(),
        Collections.singletonList(1).getClass(),
        Arrays.asList(1, 2).getClass(),
        List.of(1, 2, 3).subList(0, 2).getClass(),
        base.subList(0, 2).getClass(),
        Collections.unmodifiableList(base).subList(0, 2).getClass());
  }

  static List<Class<?>> readOnlySets() {
    return List.of(
        Set.of().getClass(),
        Set.of(1).getClass(),
        Set.of(1, 2, 3).getClass(),
        Collections.unmodifiableSet(new HashSet<>()).getClass(),
        Collections.emptySet().getClass(),
        Collections.singleton(1).getClass(),
        Collections.unmodifiableSortedSet(new java.util.TreeSet<>()).getClass());
  }

  static List<Class<?>> readOnlyMaps() {
    return List.of(
        Map.of().getClass(),
        Map.of(1, 1).getClass(),
        Map.of(1, 1, 2, 2).getClass(),
        Collections.unmodifiableMap(new HashMap<>()).getClass(),
        Collections.unmodifiableSortedMap(new TreeMap<>()).getClass(),
        Collections.emptyMap().getClass(),
        Collections.singletonMap(1, 1).getClass());
  }

  /** Application classes, in id order after the JDK ones. Append only. */
  static List<Class<?>> applicationClasses() {
    return List.of(
        // job model (modules/jobs, modules/engine)
        JobSpec.class,
        JobType.class,
        DataSpec.Synthetic.class,
        DataSpec.Files.class,
        BacktestSettings.class,
        FillPolicy.class,
        Parallelization.class,
        ParallelizationStrategy.class,
        ParamRange.class,
        DatasetRef.class,
        ChunkResult.class,
        RunResult.class,
        TimeSegment.class,
        Trade.class,
        // cluster values
        JobTicket.class,
        JobStatus.class,
        ChunkCounts.class,
        ChunkFailure.class,
        JobProgress.class,
        ResourceMonitor.Sample.class,
        // JobCoordinator protocol
        JobCoordinator.Submit.class,
        JobCoordinator.Accepted.class,
        JobCoordinator.GetStatus.class,
        JobCoordinator.GetResult.class,
        JobCoordinator.Cancel.class,
        JobCoordinator.Subscribe.class,
        JobCoordinator.Unsubscribe.class,
        JobCoordinator.Completed.class,
        JobCoordinator.RequestWork.class,
        JobCoordinator.ReportResults.class,
        JobCoordinator.ReportFailure.class,
        JobCoordinator.StatusReport.class,
        JobCoordinator.ResultReport.class,
        JobCoordinator.Stop.class,
        // JobAggregator (what watchers receive)
        JobAggregator.Progress.class,
        // WorkerPool protocol
        WorkerPool.WorkAvailable.class,
        WorkerPool.Assignment.class,
        WorkerPool.WorkGranted.class,
        WorkerPool.NoWork.class,
        WorkerPool.JobEnded.class,
        WorkerPool.GetReport.class,
        WorkerPool.SetSlots.class,
        WorkerPool.NodeReport.class);
  }

  /**
   * Configures a fresh Kryo: registration required, references off (messages are trees), the JDK
   * and application classes above with fixed ids, and typed actor refs through {@code resolver}.
   */
  public static Kryo configure(Kryo kryo, Supplier<ActorRefResolver> resolver) {
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    int id = FIRST_ID;
    // JDK values and arrays
    for (Class<?> c :
        List.<Class<?>>of(
            double[].class,
            long[].class,
            int[].class,
            boolean[].class,
            String[].class,
            Object[].class,
            Instant.class,
            Duration.class)) {
      kryo.register(c, id++);
    }
    // JDK mutable collections (Kryo's collection and map serializers)
    for (Class<?> c :
        List.<Class<?>>of(
            ArrayList.class,
            java.util.LinkedList.class,
            HashMap.class,
            LinkedHashMap.class,
            HashSet.class,
            LinkedHashSet.class)) {
      kryo.register(c, id++);
    }
    kryo.register(TreeMap.class, new DefaultSerializers.TreeMapSerializer(), id++);
    kryo.register(java.util.TreeSet.class, new DefaultSerializers.TreeSetSerializer(), id++);
    // The same JDK class may stand for several shapes (List.of() and List.of(1, 2, 3) are both
    // ListN): each shape keeps its id slot, so ids do not depend on the JDK's class layout.
    Set<Class<?>> seen = new HashSet<>();
    Serializer<?> lists = new CollectionSerializers.ReadOnlyList();
    for (Class<?> c : readOnlyLists()) {
      registerOnce(kryo, seen, c, lists, id++);
    }
    Serializer<?> sets = new CollectionSerializers.ReadOnlySet();
    for (Class<?> c : readOnlySets()) {
      registerOnce(kryo, seen, c, sets, id++);
    }
    Serializer<?> maps = new CollectionSerializers.ReadOnlyMap();
    for (Class<?> c : readOnlyMaps()) {
      registerOnce(kryo, seen, c, maps, id++);
    }
    kryo.register(actorRefAdapterClass(), new TypedActorRefSerializer(resolver), id++);
    id = Math.max(id, FIRST_ID + 100);
    for (Class<?> c : applicationClasses()) {
      kryo.register(c, id++);
    }
    // after the application classes (append only): classes with their own serializer
    kryo.register(StatMap.class, new StatMapSerializer(), id++);
    return kryo;
  }

  private static void registerOnce(
      Kryo kryo, Set<Class<?>> seen, Class<?> c, Serializer<?> serializer, int id) {
    if (seen.add(c)) {
      kryo.register(c, serializer, id);
    }
  }

  private static Class<?> actorRefAdapterClass() {
    try {
      return Class.forName(ACTOR_REF_ADAPTER);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Pekko's typed actor ref class moved: " + e.getMessage(), e);
    }
  }
}
