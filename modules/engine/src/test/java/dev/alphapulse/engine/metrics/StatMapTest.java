package dev.alphapulse.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link StatMap} behaves as the unmodifiable {@link LinkedHashMap} of boxed doubles it replaces:
 * same entries, order, equality, hash code and text; read-only; names shared between maps.
 */
class StatMapTest {

  private static Map<String, Double> sample() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("Return [%]", 12.5);
    m.put("Sharpe Ratio", Double.NaN);
    m.put("# Trades", 42.0);
    m.put("Max. Drawdown [%]", -0.0);
    m.put("Equity Final [$]", Double.POSITIVE_INFINITY);
    return m;
  }

  @Test
  void equalsTheLinkedHashMapItCopiesBothWaysWithTheSameHashCodeOrderAndText() {
    Map<String, Double> plain = sample();
    Map<String, Double> compact = StatMap.copyOf(plain);
    assertThat(compact).isInstanceOf(StatMap.class);
    assertThat(compact).isEqualTo(plain);
    assertThat(plain).isEqualTo(compact);
    assertThat(compact.hashCode()).isEqualTo(plain.hashCode());
    assertThat(new ArrayList<>(compact.keySet())).isEqualTo(new ArrayList<>(plain.keySet()));
    assertThat(new ArrayList<>(compact.values())).isEqualTo(new ArrayList<>(plain.values()));
    assertThat(compact.toString()).isEqualTo(plain.toString());
    assertThat(compact.get("# Trades")).isEqualTo(42.0);
    assertThat(compact.get("Sharpe Ratio")).isNaN();
    assertThat(compact.get("missing")).isNull();
    assertThat(compact.containsKey("Return [%]")).isTrue();
    assertThat(compact.containsKey("missing")).isFalse();
    assertThat(((StatMap) compact).value("missing", -1)).isEqualTo(-1);
    assertThat(((StatMap) compact).value("Return [%]", -1)).isEqualTo(12.5);
  }

  @Test
  void comparesValuesAsDoubleEqualsDoes() {
    Map<String, Double> a = StatMap.copyOf(sample());
    Map<String, Double> nan = sample();
    assertThat(StatMap.copyOf(nan)).isEqualTo(a); // NaN equals NaN, as Double.equals says
    Map<String, Double> zero = sample();
    zero.put("Max. Drawdown [%]", 0.0);
    assertThat(StatMap.copyOf(zero)).isNotEqualTo(a).isEqualTo(zero); // 0.0 is not -0.0
    Map<String, Double> other = sample();
    other.put("# Trades", 43.0);
    assertThat(StatMap.copyOf(other)).isNotEqualTo(a);
    Map<String, Double> reordered = new HashMap<>(sample()); // a map's order is not its identity
    assertThat(StatMap.copyOf(reordered)).isEqualTo(a);
    assertThat(StatMap.copyOf(reordered).hashCode()).isEqualTo(a.hashCode());
  }

  @Test
  void isReadOnly() {
    Map<String, Double> m = StatMap.copyOf(sample());
    assertThatThrownBy(() -> m.put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.remove("# Trades"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sharesTheNamesOfMapsWithTheSameKeysAndReturnsItselfWhenCopied() {
    StatMap a = (StatMap) StatMap.copyOf(sample());
    Map<String, Double> other = sample();
    other.put("# Trades", 7.0);
    StatMap b = StatMap.of(other.keySet().toArray(new String[0]), new double[5]);
    assertThat(b.name(2)).isSameAs(a.name(2));
    assertThat(StatMap.copyOf(a)).isSameAs(a);
  }

  @Test
  void keepsAMapWithNullsAsALinkedHashMapAndRejectsMalformedArrays() {
    Map<String, Double> withNull = sample();
    withNull.put("Calmar Ratio", null);
    Map<String, Double> copy = StatMap.copyOf(withNull);
    assertThat(copy).isNotInstanceOf(StatMap.class).isEqualTo(withNull);
    assertThat(copy).containsEntry("Calmar Ratio", null);
    assertThat(StatMap.copyOf(Map.of())).isEmpty();
    assertThatThrownBy(() -> StatMap.of(new String[] {"a", "a"}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> StatMap.of(new String[] {"a"}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 statistic names but 2 values");
    assertThat(StatMap.of(new String[] {"a", "b"}, new double[] {1, 2}))
        .isEqualTo(Map.of("a", 1.0, "b", 2.0));
    assertThat(List.copyOf(StatMap.of(new String[] {"b", "a"}, new double[2]).keySet()))
        .containsExactly("b", "a");
  }
}
