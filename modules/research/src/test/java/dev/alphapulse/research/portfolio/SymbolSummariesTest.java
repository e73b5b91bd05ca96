package dev.alphapulse.research.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class SymbolSummariesTest {

  @Test
  void momentSummaryChunkedInAnyOrderEqualsDescriptiveStatistics() {
    double[][] x = TestData.returns(1001, 1, 21);
    double[] v = new double[x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = x[i][0];
    }
    DescriptiveStatistics ref = new DescriptiveStatistics(v);
    List<MomentSummary> parts = new ArrayList<>();
    for (int[] c : TestData.unevenChunks(v.length, 2)) {
      parts.add(MomentSummary.of(v, c[0], c[1]));
    }
    for (long seed = 0; seed < 8; seed++) {
      MomentSummary m = MomentSummary.empty();
      for (MomentSummary p : TestData.shuffled(parts, seed)) {
        m = m.merge(p);
      }
      for (MomentSummary s : List.of(m, MomentSummary.of(v))) {
        assertThat(s.count()).isEqualTo(v.length);
        assertRel(s.mean(), ref.getMean());
        assertRel(s.std(), ref.getStandardDeviation());
        assertRel(s.variance(), ref.getVariance());
        assertThat(s.min()).isEqualTo(ref.getMin());
        assertThat(s.max()).isEqualTo(ref.getMax());
        assertRel(s.skewness(), ref.getSkewness());
        assertRel(s.kurtosis(), ref.getKurtosis());
      }
    }
  }

  @Test
  void groupBySymbolAcrossTimeChunksOfAUniverse() {
    Universe u = SyntheticMarket.generate(SyntheticMarket.Spec.of(3, 500, 3L)).universe();
    SymbolSummaries merged = SymbolSummaries.empty();
    for (int[] c : TestData.shuffled(TestData.unevenChunks(u.size(), 8), 1)) {
      merged = merged.merge(UniverseReturns.summaries(u, c[0], c[1]));
    }
    assertThat(merged.bySymbol().keySet()).containsExactly("SYN00", "SYN01", "SYN02");
    for (int s = 0; s < 3; s++) {
      DescriptiveStatistics ref = new DescriptiveStatistics();
      for (int t = 1; t < u.size(); t++) {
        ref.addValue(UniverseReturns.simpleReturn(u, s, t));
      }
      MomentSummary m = merged.get(u.symbol(s));
      assertThat(m.count()).isEqualTo(u.size() - 1);
      assertRel(m.mean(), ref.getMean());
      assertRel(m.std(), ref.getStandardDeviation());
      assertRel(m.skewness(), ref.getSkewness());
      assertRel(m.kurtosis(), ref.getKurtosis());
      assertThat(m.min()).isEqualTo(ref.getMin());
      assertThat(m.max()).isEqualTo(ref.getMax());
    }
  }

  @Test
  void symbolsWithDifferentHistoriesAndNaNs() {
    SymbolSummaries a = SymbolSummaries.empty().add("A", 1).add("A", Double.NaN).add("B", 5);
    SymbolSummaries b = SymbolSummaries.empty().add("A", 3).add("C", 2);
    SymbolSummaries m = a.merge(b);
    assertThat(m.get("A").count()).isEqualTo(2);
    assertThat(m.get("A").mean()).isEqualTo(2.0);
    assertThat(m.get("B").std()).isEqualTo(0.0);
    assertThat(m.get("C").skewness()).isNaN();
    assertThat(a.get("A").count()).isEqualTo(1); // inputs unchanged
    assertThat(SymbolSummaries.empty().merge(m).bySymbol().keySet()).containsExactly("A", "B", "C");
    assertThatThrownBy(() -> m.get("Z")).hasMessageContaining("'Z'");
    assertThatThrownBy(() -> a.add("A", Double.POSITIVE_INFINITY))
        .hasMessageContaining("value must be finite, was Infinity");
    assertThat(MomentSummary.empty().mean()).isNaN();
  }

  private static void assertRel(double actual, double expected) {
    assertThat(Math.abs(actual - expected))
        .as("%s vs %s", actual, expected)
        .isLessThanOrEqualTo(1e-12 * Math.max(1e-300, Math.abs(expected)));
  }
}
