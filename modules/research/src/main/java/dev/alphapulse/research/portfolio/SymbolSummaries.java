package dev.alphapulse.research.portfolio;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol {@link MomentSummary} (group-by symbol), mergeable across time chunks: each chunk of a
 * universe is summarised separately and the partials are merged in any order.
 *
 * <p>{@code NaN} values (a symbol not trading yet) are skipped; infinities are rejected. {@code
 * add} mutates; {@link #merge(SymbolSummaries)} returns a new instance and leaves both inputs
 * unchanged; {@link #empty()} is its identity. Not thread-safe.
 */
public final class SymbolSummaries {
  private final TreeMap<String, MomentSummary> bySymbol;

  private SymbolSummaries(TreeMap<String, MomentSummary> bySymbol) {
    this.bySymbol = bySymbol;
  }

  /** No symbols, no values. */
  public static SymbolSummaries empty() {
    return new SymbolSummaries(new TreeMap<>());
  }

  /**
   * Adds one value of a symbol ({@code NaN} is skipped).
   *
   * @return this
   * @throws IllegalArgumentException if {@code x} is infinite
   */
  public SymbolSummaries add(String symbol, double x) {
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank, was '" + symbol + "'");
    }
    if (Double.isNaN(x)) {
      return this;
    }
    bySymbol.computeIfAbsent(symbol, s -> MomentSummary.empty()).add(x);
    return this;
  }

  /** Adds {@code values[from..to)} of a symbol ({@code NaN}s skipped). */
  public SymbolSummaries addAll(String symbol, double[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      add(symbol, values[i]);
    }
    return this;
  }

  /** Both inputs' values per symbol; neither input changes. */
  public SymbolSummaries merge(SymbolSummaries other) {
    TreeMap<String, MomentSummary> m = new TreeMap<>();
    bySymbol.forEach((s, v) -> m.put(s, v.copy()));
    other.bySymbol.forEach((s, v) -> m.merge(s, v.copy(), MomentSummary::merge));
    return new SymbolSummaries(m);
  }

  /** The summaries by symbol, in symbol order (a read-only view; do not mutate the values). */
  public Map<String, MomentSummary> bySymbol() {
    return Collections.unmodifiableMap(bySymbol);
  }

  /**
   * The summary of one symbol.
   *
   * @throws IllegalArgumentException if the symbol has no values
   */
  public MomentSummary get(String symbol) {
    MomentSummary s = bySymbol.get(symbol);
    if (s == null) {
      throw new IllegalArgumentException(
          "no values for symbol '" + symbol + "'; known: " + bySymbol.keySet());
    }
    return s;
  }
}
