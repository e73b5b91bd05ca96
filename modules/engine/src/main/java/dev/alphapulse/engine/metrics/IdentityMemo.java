package dev.alphapulse.engine.metrics;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Remembers the values derived from the last few keys (arrays, compared by identity) so that the
 * runs of a sweep, which share a few calendars and close columns, derive each once.
 *
 * <h2>Design</h2>
 *
 * Up to {@value #ENTRIES} entries, newest first; a new key replaces the oldest. A sweep's chunk
 * runs each parameter set on every symbol of the chunk in turn, so one entry would be replaced at
 * every run of a multi-symbol sweep; a handful of symbols at a time fit. Keys are held weakly, so
 * the memo never keeps a series alive (entries whose key is gone are dropped at the next miss);
 * values are held strongly until replaced. A derived value must be a pure function of the key's
 * contents at the time (columns are read-only by contract), so a hit gives exactly what a
 * recomputation would, and results never depend on what was computed before.
 *
 * <p>Thread-safe: the entry list is immutable and published through a volatile field; threads
 * missing at once each compute (the same value) and insert it, the last insertion wins.
 */
final class IdentityMemo<K, V> {
  /** Entries kept. */
  static final int ENTRIES = 8;

  private volatile List<Entry<K, V>> entries = List.of();

  /** The value for {@code key}, from the memo if it is one of the last keys, else computed now. */
  V get(K key, Function<K, V> derive) {
    for (Entry<K, V> e : entries) {
      if (e.key.get() == key) {
        return e.value;
      }
    }
    V v = derive.apply(key);
    List<Entry<K, V>> next = new ArrayList<>(ENTRIES);
    next.add(new Entry<>(new WeakReference<>(key), v));
    for (Entry<K, V> e : entries) {
      K k = e.key.get();
      if (next.size() < ENTRIES && k != null && k != key) {
        next.add(e);
      }
    }
    entries = List.copyOf(next);
    return v;
  }

  private record Entry<K, V>(WeakReference<K> key, V value) {}
}
