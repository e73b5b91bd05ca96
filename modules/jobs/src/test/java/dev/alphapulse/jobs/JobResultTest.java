package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.indicator.IndicatorCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobResultTest {

  /** A chunk with {@code runsPerChunk} runs of made-up statistics. */
  static ChunkResult chunk(int id, int runsPerChunk, double sharpe) {
    List<RunResult> runs = new ArrayList<>();
    for (int k = 0; k < runsPerChunk; k++) {
      Map<String, Double> stats = new LinkedHashMap<>();
      stats.put("Return [%]", id * 10.0 + k);
      stats.put("Sharpe Ratio", sharpe);
      runs.add(new RunResult(id, k, Map.of("fast", id), "SYN0" + k, "backtesting.py", 0, 1, stats));
    }
    return new ChunkResult(id, runs, null);
  }

  static List<ChunkResult> chunks(int n) {
    List<ChunkResult> out = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(n);
    for (int id = 0; id < n; id++) {
      out.add(chunk(id, 1 + rnd.nextInt(3), rnd.nextDouble(-1, 2)));
    }
    return out;
  }

  @Test
  void emptyIsTheIdentity() {
    JobResult empty = JobResult.empty(5);
    assertThat(empty.completedChunks()).isZero();
    assertThat(empty.isComplete()).isFalse();
    assertThat(empty.runs()).isEmpty();
    assertThat(empty.missingChunkIds()).containsExactly(0, 1, 2, 3, 4);
    JobResult some = JobResult.of(5, chunks(5).subList(1, 3));
    assertThat(some.merge(empty)).isEqualTo(some);
    assertThat(empty.merge(some)).isEqualTo(some);
    assertThatThrownBy(() -> JobResult.empty(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChunkDeliveredTwiceCountsOnce() {
    ChunkResult c = chunk(3, 2, 0.5);
    JobResult once = JobResult.empty(10).with(c);
    JobResult twice = once.with(c);
    assertThat(twice).isSameAs(once);
    assertThat(once.with(chunk(3, 2, 0.5))).isSameAs(once); // an equal copy, too
    assertThat(twice.completedChunks()).isEqualTo(1);
    assertThat(twice.runs()).hasSize(2);
    assertThat(once.merge(once)).isSameAs(once);
    assertThat(once.contains(3)).isTrue();
    assertThat(once.contains(4)).isFalse();
    assertThat(once.chunk(3)).contains(c);
    assertThat(once.chunk(99)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 65, 130, 1000})
  void arrivalOrderGroupingAndDuplicatesNeverChangeTheResult(int n) {
    List<ChunkResult> all = chunks(n);
    JobResult reference = JobResult.empty(n);
    for (ChunkResult c : all) {
      reference = reference.with(c);
    }
    assertThat(reference.isComplete()).isTrue();
    Random rnd = new Random(n);
    for (int trial = 0; trial < 40; trial++) {
      // random order with duplicates, split into random groups, each folded, merged as a random
      // tree
      List<ChunkResult> deliveries = new ArrayList<>(all);
      for (int d = 0; d < n / 3 + 1; d++) {
        deliveries.add(all.get(rnd.nextInt(n)));
      }
      Collections.shuffle(deliveries, rnd);
      List<JobResult> parts = new ArrayList<>();
      int i = 0;
      while (i < deliveries.size()) {
        int size = 1 + rnd.nextInt(Math.max(1, deliveries.size() / 4));
        JobResult part = JobResult.empty(n);
        for (ChunkResult c : deliveries.subList(i, Math.min(deliveries.size(), i + size))) {
          part = part.with(c);
        }
        parts.add(part);
        i += size;
      }
      while (parts.size() > 1) {
        int a = rnd.nextInt(parts.size());
        JobResult left = parts.remove(a);
        int b = rnd.nextInt(parts.size());
        JobResult right = parts.remove(b);
        parts.add(rnd.nextBoolean() ? left.merge(right) : right.merge(left));
      }
      JobResult merged = parts.get(0);
      assertThat(merged).isEqualTo(reference);
      assertThat(merged.runs()).isEqualTo(reference.runs());
      assertThat(merged.completedChunks()).isEqualTo(n);
    }
  }

  @Test
  void mergeIsAssociativeAndCommutativeOnPartialResults() {
    List<ChunkResult> all = chunks(200);
    Random rnd = new Random(1);
    for (int trial = 0; trial < 100; trial++) {
      JobResult a = randomSubset(all, rnd);
      JobResult b = randomSubset(all, rnd);
      JobResult c = randomSubset(all, rnd);
      assertThat(a.merge(b)).isEqualTo(b.merge(a));
      assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
      assertThat(a.merge(b).completedChunks())
          .isEqualTo(
              (int)
                  all.stream()
                      .filter(x -> a.contains(x.chunkId()) || b.contains(x.chunkId()))
                      .count());
    }
  }

  @Test
  void differingDeliveriesOfAChunkResolveTheSameWayInAnyOrder() {
    // cannot happen with deterministic workers, but must not break commutativity if it does
    ChunkResult x = chunk(2, 1, 0.5);
    ChunkResult y = chunk(2, 1, Math.nextUp(0.5));
    JobResult base = JobResult.of(4, List.of(chunk(0, 1, 1), chunk(1, 1, 1)));
    JobResult xy = base.with(x).with(y);
    JobResult yx = base.with(y).with(x);
    assertThat(xy).isEqualTo(yx);
    assertThat(xy.chunk(2)).contains(x); // the smaller content
    assertThat(base.with(x).merge(base.with(y))).isEqualTo(base.with(y).merge(base.with(x)));
    assertThat(xy.completedChunks()).isEqualTo(3);
    assertThat(JobResult.CONTENT.compare(x, y)).isNegative();
    assertThat(JobResult.CONTENT.compare(x, chunk(2, 1, 0.5))).isZero();
  }

  @Test
  void runsAreOrderedByParameterThenSymbolWhateverTheChunking() {
    JobPlan bySymbol =
        ChunkExecutorTest.plan(ChunkExecutorTest.SWEEP, "{strategy: SYMBOL_BASED, chunk-size: 1}");
    List<ChunkResult> results = new ArrayList<>();
    IndicatorCache cache = new IndicatorCache();
    for (ChunkSpec c : bySymbol.chunks()) {
      results.add(
          ChunkExecutor.execute(
              bySymbol, c, ChunkExecutorTest.UNIVERSE, cache, JobSpecsParseTest.REGISTRY));
    }
    Collections.reverse(results);
    JobResult r = JobResult.of(bySymbol.chunkCount(), results);
    List<RunResult> runs = r.runs();
    assertThat(runs).hasSize(27);
    for (int k = 0; k < runs.size(); k++) {
      assertThat(runs.get(k).paramIndex()).isEqualTo(k / 3);
      assertThat(runs.get(k).symbolIndex()).isEqualTo(k % 3);
    }
    assertThat(r.chunks()).extracting(ChunkResult::chunkId).containsExactly(0, 1, 2);
  }

  @Test
  void bestIgnoresNaNAndBreaksTiesByTheLowestIndex() {
    List<RunResult> runs =
        List.of(
            run(0, 0, Double.NaN),
            run(0, 1, 1.5),
            run(1, 0, 2.0),
            run(1, 1, 2.0),
            run(2, 0, -3.0),
            run(2, 1, Double.NaN));
    assertThat(JobResult.best(runs, "Sharpe Ratio", true)).contains(runs.get(2));
    assertThat(JobResult.best(runs, "Sharpe Ratio", false)).contains(runs.get(4));
    assertThat(JobResult.best(runs, "No Such Statistic", true)).isEmpty();
    assertThat(JobResult.best(List.of(run(0, 0, Double.NaN)), "Sharpe Ratio", true)).isEmpty();
    assertThat(JobResult.best(List.of(), "Sharpe Ratio", true)).isEmpty();
    // an infinite value is a value: it wins when maximising
    assertThat(
            JobResult.best(
                List.of(run(0, 0, 1), run(0, 1, Double.POSITIVE_INFINITY)), "Sharpe Ratio", true))
        .map(RunResult::symbolIndex)
        .contains(1);
  }

  @Test
  void bestOfAJobResultUsesItsRunOrder() {
    JobResult r =
        JobResult.of(
            3,
            List.of(
                new ChunkResult(2, List.of(run(2, 0, 5.0)), null),
                new ChunkResult(1, List.of(run(1, 0, 5.0)), null),
                new ChunkResult(0, List.of(run(0, 0, Double.NaN)), null)));
    assertThat(r.best("Sharpe Ratio", true)).map(RunResult::paramIndex).contains(1);
  }

  @Test
  void manyRunsStayCheap() {
    int n = 12_000;
    List<ChunkResult> all = chunks(n);
    List<ChunkResult> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(5));
    JobResult r = JobResult.empty(n);
    for (ChunkResult c : shuffled) {
      r = r.with(c);
      if (r.completedChunks() % 1000 == 0) {
        assertThat(r.best("Sharpe Ratio", true)).isPresent(); // progress with best-so-far
      }
    }
    assertThat(r.isComplete()).isTrue();
    assertThat(r.missingChunkIds()).isEmpty();
    assertThat(r.runs().size()).isEqualTo(all.stream().mapToInt(c -> c.runs().size()).sum());
    assertThat(JobResult.of(n, r.chunks())).isEqualTo(r);
  }

  @Test
  void sizesMustMatch() {
    assertThatThrownBy(() -> JobResult.empty(3).with(chunk(3, 1, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside a job of 3 chunks");
    assertThatThrownBy(() -> JobResult.empty(3).merge(JobResult.empty(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JobResult randomSubset(List<ChunkResult> all, Random rnd) {
    JobResult r = JobResult.empty(all.size());
    for (ChunkResult c : all) {
      if (rnd.nextInt(3) == 0) {
        r = r.with(c);
      }
    }
    return r;
  }

  private static RunResult run(int param, int symbol, double sharpe) {
    Map<String, Double> stats = new LinkedHashMap<>();
    stats.put("Sharpe Ratio", sharpe);
    return new RunResult(param, symbol, Map.of(), "S" + symbol, "backtesting.py", 0, 1, stats);
  }
}
