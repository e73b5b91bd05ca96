package dev.alphapulse.research.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardStitchingTest {

  @Test
  void stitchCompoundsTheSegmentsInOrder() {
    double[] curve =
        WalkForwardStitching.stitch(100, List.of(new double[] {0.1, -0.05}, new double[] {0.2}));
    assertThat(curve).containsExactly(new double[] {100, 110, 104.5, 125.4}, within(1e-9));
    assertThat(WalkForwardStitching.stitch(50, List.of())).containsExactly(50);
    assertThat(WalkForwardStitching.stitch(50, List.of(new double[] {-1, 0.5})))
        .containsExactly(50, 0, 0);
    assertThatThrownBy(
            () ->
                WalkForwardStitching.stitch(
                    1, List.of(new double[] {0.1}, new double[] {0, Double.NaN})))
        .hasMessageContaining("outOfSampleReturns[1][1]");
    assertThatThrownBy(() -> WalkForwardStitching.stitch(0, List.of()))
        .hasMessageContaining("startingEquity");
  }

  @Test
  void efficiencyIsTheRatioOfAnnualisedReturns() {
    // IS: +21% over two years = 10% a year; OOS: +5% over one year
    assertThat(WalkForwardStitching.annualise(0.21, 504, 252)).isCloseTo(0.1, within(1e-12));
    assertThat(WalkForwardStitching.efficiency(0.21, 504, 0.05, 252, 252))
        .isCloseTo(0.5, within(1e-12));
    assertThat(WalkForwardStitching.efficiency(0.21, 504, -0.05, 252, 252))
        .isCloseTo(-0.5, within(1e-12));
    // undefined when the in-sample return is not positive
    assertThat(WalkForwardStitching.efficiency(0.0, 504, 0.05, 252, 252)).isNaN();
    assertThat(WalkForwardStitching.efficiency(-0.1, 504, 0.05, 252, 252)).isNaN();
    assertThatThrownBy(() -> WalkForwardStitching.annualise(0.1, 0, 252))
        .hasMessageContaining("bars");
    assertThatThrownBy(() -> WalkForwardStitching.annualise(-1.5, 10, 252))
        .hasMessageContaining("totalReturn");
  }

  @Test
  void summaryCompoundsOutOfSampleAndAveragesInSample() {
    WalkForwardWindow w0 = new WalkForwardWindow(0, 0, 504, 504, 630);
    WalkForwardWindow w1 = new WalkForwardWindow(1, 126, 630, 630, 756);
    List<WalkForwardWindowResult> results =
        List.of(
            new WalkForwardWindowResult(w1, Map.of("fast", 10), 0.44, 1.5, -0.02, -0.3),
            new WalkForwardWindowResult(w0, Map.of("fast", 12), 0.21, 1.0, 0.05, Double.NaN));
    WalkForwardSummary s = WalkForwardSummary.of(results, 252);
    assertThat(s.windows()).isEqualTo(2);
    assertThat(s.outOfSampleReturn()).isCloseTo(1.05 * 0.98 - 1, within(1e-12));
    assertThat(s.outOfSampleBars()).isEqualTo(252);
    assertThat(s.outOfSampleAnnualisedReturn()).isCloseTo(1.05 * 0.98 - 1, within(1e-12));
    // IS annualised: 10% and 20% a year
    assertThat(s.inSampleAnnualisedReturn()).isCloseTo(0.15, within(1e-12));
    assertThat(s.efficiency()).isCloseTo((1.05 * 0.98 - 1) / 0.15, within(1e-12));
    assertThat(s.meanInSampleSharpe()).isCloseTo(1.25, within(1e-12));
    assertThat(s.meanOutOfSampleSharpe()).isEqualTo(-0.3);
    assertThat(s.profitableWindows()).isEqualTo(0.5);
    // window 0: +5% over half a year is 10.25% a year, against 10% in sample
    assertThat(results.get(1).efficiency(252)).isCloseTo(0.1025 / 0.1, within(1e-9));
    assertThatThrownBy(() -> WalkForwardSummary.of(List.of(), 252)).hasMessageContaining("results");
  }

  @Test
  void windowResultsCopyAndValidate() {
    WalkForwardWindow w = new WalkForwardWindow(0, 0, 10, 10, 20);
    Map<String, Object> params = new java.util.HashMap<>(Map.of("b", 2, "a", "x"));
    WalkForwardWindowResult r = new WalkForwardWindowResult(w, params, 0.1, 1, 0.0, 0);
    params.put("c", 3);
    assertThat(r.parameters()).containsOnlyKeys("a", "b");
    assertThat(r.parameters().keySet()).containsExactly("a", "b");
    Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("k", null);
    assertThatThrownBy(() -> new WalkForwardWindowResult(w, withNull, 0, 0, 0, 0))
        .hasMessageContaining("k");
    assertThatThrownBy(() -> new WalkForwardWindowResult(w, Map.of(), -2, 0, 0, 0))
        .hasMessageContaining("inSampleReturn");
    assertThatThrownBy(() -> new WalkForwardWindowResult(w, Map.of(), 0, 0, Double.NaN, 0))
        .hasMessageContaining("outOfSampleReturn");
  }

  @Test
  void theRunnerAsksTheOptimizerWithTheWindowAndEvaluatesInThenOutOfSample() {
    List<String> calls = new ArrayList<>();
    List<WalkForwardWindowResult> results =
        WalkForward.run(
            WalkForwardSpec.anchored(20, 10).withPurge(1),
            51,
            w -> {
              calls.add("choose " + w.inSampleFrom() + ".." + w.inSampleTo());
              return Map.of("len", w.inSampleBars());
            },
            (p, from, to) -> {
              calls.add("eval " + p.get("len") + " " + from + ".." + to);
              return new WalkForward.SegmentPerformance((to - from) / 100.0, 1.0);
            });
    assertThat(results).hasSize(3);
    assertThat(calls)
        .containsExactly(
            "choose 0..20",
            "eval 20 0..20",
            "eval 20 21..31",
            "choose 0..30",
            "eval 30 0..30",
            "eval 30 31..41",
            "choose 0..40",
            "eval 40 0..40",
            "eval 40 41..51");
    assertThat(results.get(2).parameters()).containsEntry("len", 40);
    assertThat(results.get(2).inSampleReturn()).isEqualTo(0.4);
    assertThat(results.get(2).outOfSampleReturn()).isEqualTo(0.1);
  }
}
