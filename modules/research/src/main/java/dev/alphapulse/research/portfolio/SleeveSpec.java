package dev.alphapulse.research.portfolio;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sleeve of a multi-strategy portfolio: a strategy with its parameters on a subset of the
 * universe's symbols.
 *
 * @param name the sleeve's name in reports, unique within a portfolio, not blank
 * @param strategy the strategy's registry name (e.g. {@code sma-cross})
 * @param params raw parameter values, validated by the strategy's descriptor when run; copied
 * @param symbols the symbols the sleeve trades; empty means all symbols of the universe; copied, no
 *     duplicates
 */
public record SleeveSpec(
    String name, String strategy, Map<String, Number> params, List<String> symbols) {

  public SleeveSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    if (strategy == null || strategy.isBlank()) {
      throw new IllegalArgumentException(
          "strategy of sleeve " + name + " must not be blank, was '" + strategy + "'");
    }
    params = Map.copyOf(new TreeMap<>(Objects.requireNonNull(params, "params")));
    symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
    if (new HashSet<>(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException(
          "symbols of sleeve " + name + " must not repeat, were " + symbols);
    }
  }

  /** A sleeve on all symbols. */
  public static SleeveSpec of(String name, String strategy, Map<String, Number> params) {
    return new SleeveSpec(name, strategy, params, List.of());
  }
}
