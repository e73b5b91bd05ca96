package dev.alphapulse.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.jobs.ChunkResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChunkResultsTest {
  private static final List<ChunkResult> RESULTS =
      TestJobs.sequentialChunks(TestJobs.ticket("r", TestJobs.sweep(6), 1));

  /** Ids over several pages, in random order: the same as a sorted map at every step. */
  @Test
  void behaves_as_an_immutable_sorted_map_at_every_step() {
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < 3 * ChunkResults.PAGE + 7; id += 3) {
      ids.add(id);
    }
    Collections.shuffle(ids, new Random(3));
    ChunkResults r = ChunkResults.empty();
    SortedMap<Integer, ChunkResult> expected = new TreeMap<>();
    List<ChunkResults> history = new ArrayList<>();
    List<SortedMap<Integer, ChunkResult>> expectedHistory = new ArrayList<>();
    for (int id : ids) {
      ChunkResult result = RESULTS.get(id % RESULTS.size());
      r = r.with(id, result);
      expected.put(id, result);
      history.add(r);
      expectedHistory.add(new TreeMap<>(expected));
      assertThat(r.toMap()).isEqualTo(expected);
      assertThat(r.size()).isEqualTo(expected.size());
      assertThat(r.keySet()).containsExactlyElementsOf(expected.keySet());
      assertThat(r.values()).containsExactlyElementsOf(expected.values());
      assertThat(r.valuesFrom(100)).containsExactlyElementsOf(expected.tailMap(100).values());
      assertThat(r.containsKey(id)).isTrue();
      assertThat(r.get(id + 1)).isEqualTo(expected.get(id + 1));
    }
    // earlier versions are untouched by later additions
    for (int k = 0; k < history.size(); k++) {
      assertThat(history.get(k).toMap()).isEqualTo(expectedHistory.get(k));
    }
    assertThat(ChunkResults.of(expected)).isEqualTo(r).hasSameHashCodeAs(r);
    // in bulk, on top of results it shares pages with: the same as one at a time
    SortedMap<Integer, ChunkResult> more = new TreeMap<>();
    for (int id = 1; id < 5 * ChunkResults.PAGE; id += 7) {
      more.put(id, RESULTS.get(id % RESULTS.size()));
    }
    ChunkResults oneByOne = r;
    for (Map.Entry<Integer, ChunkResult> e : more.entrySet()) {
      oneByOne = oneByOne.with(e.getKey(), e.getValue());
    }
    SortedMap<Integer, ChunkResult> before = r.toMap();
    assertThat(r.withAll(more)).isEqualTo(oneByOne);
    assertThat(r.toMap()).isEqualTo(before);
    // replacing a result keeps the size
    ChunkResults replaced = r.with(ids.get(0), RESULTS.get(5));
    assertThat(replaced.size()).isEqualTo(r.size());
    assertThat(replaced.get(ids.get(0))).isEqualTo(RESULTS.get(5));
    ChunkResults all = r;
    assertThat(all.get(-1)).isNull();
    assertThat(all.get(1_000_000)).isNull();
    assertThatThrownBy(() -> all.with(-1, RESULTS.get(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> all.with(1, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
