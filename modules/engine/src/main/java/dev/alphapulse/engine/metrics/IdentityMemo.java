package dev.alphapulse.engine.metrics;

import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * Remembers the value derived from the last key (an array, compared by identity) so that the runs
 * of a sweep, which share one calendar and one close column, derive it once.
 *
 * <h2>Design</h2>
 *
 * One entry, replaced whenever another key comes: sweeps alternate between very few keys, and one
 * entry needs no eviction policy. The key is held weakly, so the memo never keeps a series alive;
 * the value is held strongly until the next key replaces it. The derived value must be a pure
 * function of the key's contents at the time (columns are read-only by contract), so a hit gives
 * exactly what a recomputation would, and results never depend on what was computed before.
 *
 * <p>Thread-safe: the entry is immutable and published through a volatile field; two threads
 * missing at once both compute (the same value) and the last one stays.
 */
final class IdentityMemo<K, V> {
  private volatile Entry<K, V> entry;

  /** The value for {@code key}, from the memo if it was the last key, else computed now. */
  V get(K key, Function<K, V> derive) {
    Entry<K, V> e = entry;
    if (e != null && e.key.get() == key) {
      return e.value;
    }
    V v = derive.apply(key);
    entry = new Entry<>(new WeakReference<>(key), v);
    return v;
  }

  private record Entry<K, V>(WeakReference<K> key, V value) {}
}
