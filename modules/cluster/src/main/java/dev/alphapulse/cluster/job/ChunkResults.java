package dev.alphapulse.cluster.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.alphapulse.jobs.ChunkResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Completed chunks' results by chunk id ({@code >= 0}): immutable, and persistent in the sense of
 * functional data structures. {@link #with} returns a new instance that shares all but one page of
 * {@value #PAGE} entries with this one, so recording a job's n results costs O(n * n / 64) copied
 * references in all instead of the O(n * n) entries of copying a sorted map per result, while every
 * earlier state stays as it was (a coordinator computes states ahead of persisting them).
 *
 * <p>Serialized (Jackson) as the map from chunk id to result it was before, so snapshots of earlier
 * builds still load.
 */
public final class ChunkResults {
  /** Entries per page. */
  static final int PAGE = 64;

  private static final ChunkResults EMPTY = new ChunkResults(new ChunkResult[0][], 0);

  private final ChunkResult[][] pages; // page p holds ids p * PAGE ..; a null page is empty
  private final int size;

  private ChunkResults(ChunkResult[][] pages, int size) {
    this.pages = pages;
    this.size = size;
  }

  /** No result. */
  public static ChunkResults empty() {
    return EMPTY;
  }

  /**
   * The results of a map from chunk id to result.
   *
   * @throws IllegalArgumentException for a negative chunk id or a null result
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ChunkResults of(Map<Integer, ChunkResult> byId) {
    return byId == null ? EMPTY : EMPTY.withAll(byId);
  }

  /**
   * These results with {@code result} for chunk {@code id} (replacing one it had).
   *
   * @throws IllegalArgumentException for a negative id or a null result
   */
  public ChunkResults with(int id, ChunkResult result) {
    check(id, result);
    int p = id / PAGE;
    ChunkResult[][] next = Arrays.copyOf(pages, Math.max(pages.length, p + 1));
    ChunkResult[] page = pages.length > p && pages[p] != null ? pages[p].clone() : null;
    if (page == null) {
      page = new ChunkResult[PAGE];
    }
    boolean added = page[id % PAGE] == null;
    page[id % PAGE] = result;
    next[p] = page;
    return new ChunkResults(next, added ? size + 1 : size);
  }

  /**
   * These results with those of {@code more} (replacing ones they had): {@link #with} for each
   * entry, but each touched page and the page index are copied once, so it costs O(this + more).
   *
   * @throws IllegalArgumentException for a negative id or a null result
   */
  public ChunkResults withAll(Map<Integer, ChunkResult> more) {
    if (more.isEmpty()) {
      return this;
    }
    int pageCount = pages.length;
    for (Map.Entry<Integer, ChunkResult> e : more.entrySet()) {
      check(e.getKey(), e.getValue());
      pageCount = Math.max(pageCount, e.getKey() / PAGE + 1);
    }
    ChunkResult[][] next = Arrays.copyOf(pages, pageCount);
    boolean[] copied = new boolean[pageCount];
    int n = size;
    for (Map.Entry<Integer, ChunkResult> e : more.entrySet()) {
      int id = e.getKey();
      int p = id / PAGE;
      if (!copied[p]) {
        next[p] = next[p] == null ? new ChunkResult[PAGE] : next[p].clone();
        copied[p] = true;
      }
      if (next[p][id % PAGE] == null) {
        n++;
      }
      next[p][id % PAGE] = e.getValue();
    }
    return new ChunkResults(next, n);
  }

  private static void check(Integer id, ChunkResult result) {
    if (id == null || id < 0) {
      throw new IllegalArgumentException("chunk id must be >= 0, was " + id);
    }
    if (result == null) {
      throw new IllegalArgumentException("chunk " + id + ": result must not be null");
    }
  }

  /** The result of chunk {@code id}, or null. */
  public ChunkResult get(int id) {
    int p = id / PAGE;
    if (id < 0 || p >= pages.length || pages[p] == null) {
      return null;
    }
    return pages[p][id % PAGE];
  }

  /** Whether chunk {@code id} has a result. */
  public boolean containsKey(int id) {
    return get(id) != null;
  }

  /** Chunks with a result. */
  public int size() {
    return size;
  }

  /** Whether no chunk has a result. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The ids with a result, ascending. */
  public SortedSet<Integer> keySet() {
    SortedSet<Integer> ids = new TreeSet<>();
    forEach(0, (id, r) -> ids.add(id));
    return Collections.unmodifiableSortedSet(ids);
  }

  /** The results, in chunk order. */
  public List<ChunkResult> values() {
    return valuesFrom(0);
  }

  /** The results of the chunks with an id from {@code fromId} on, in chunk order. */
  public List<ChunkResult> valuesFrom(int fromId) {
    List<ChunkResult> out = new ArrayList<>();
    forEach(fromId, (id, r) -> out.add(r));
    return Collections.unmodifiableList(out);
  }

  /** The same as a sorted map (a copy). */
  @JsonValue
  public SortedMap<Integer, ChunkResult> toMap() {
    SortedMap<Integer, ChunkResult> m = new TreeMap<>();
    forEach(0, m::put);
    return Collections.unmodifiableSortedMap(m);
  }

  private interface Visitor {
    void visit(int id, ChunkResult result);
  }

  private void forEach(int fromId, Visitor v) {
    for (int p = Math.max(0, fromId) / PAGE; p < pages.length; p++) {
      ChunkResult[] page = pages[p];
      if (page == null) {
        continue;
      }
      for (int k = 0; k < PAGE; k++) {
        int id = p * PAGE + k;
        if (page[k] != null && id >= fromId) {
          v.visit(id, page[k]);
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkResults other && size == other.size && toMap().equals(other.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return "ChunkResults" + keySet();
  }
}
