package dev.alphapulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.data.BarSeries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pieces around the benchmarks: data, footprint, the generated benchmark list. */
class BenchSupportTest {

  @Test
  void syntheticBarsAreSeededAndConsistent() {
    BarSeries a = SyntheticBars.randomWalk("X", 10_000, 7);
    BarSeries b = SyntheticBars.randomWalk("X", 10_000, 7);
    BarSeries c = SyntheticBars.randomWalk("X", 10_000, 8);
    assertThat(a.closes()).isEqualTo(b.closes());
    assertThat(a.closes()).isNotEqualTo(c.closes());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.low(i)).isPositive();
      assertThat(a.high(i)).isGreaterThanOrEqualTo(Math.max(a.open(i), a.close(i)));
      assertThat(a.low(i)).isLessThanOrEqualTo(Math.min(a.open(i), a.close(i)));
    }
  }

  @Test
  void unknownDataSetIsNamed() {
    assertThatThrownBy(() -> BenchData.load("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining(BenchData.GOOG);
  }

  @Test
  void eachBarCostsItsPayloadAndNothingMore() {
    ByteArrayOutputStream jolLog = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(jolLog, true, StandardCharsets.UTF_8);
    BarSeries series = SyntheticBars.randomWalk("X", 10_000, 1);
    long fixed = Footprint.retainedBytes(series.slice(0, 0), log);
    long total = Footprint.retainedBytes(series, log);
    assertThat((total - fixed) / (double) series.size()).isEqualTo(48.0);
    assertThat(fixed).isLessThan(512);
    assertThat(series.payloadBytes()).isEqualTo(48L * series.size());
  }

  @Test
  void benchmarkListIsGeneratedIntoTheJar() throws IOException {
    try (InputStream in =
        BenchSupportTest.class.getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList from the JMH annotation processor").isNotNull();
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String method :
          new String[] {
            "SmaCrossBench_alphapulse_",
            "SmaCrossBench_alphapulseWarmCache_",
            "SmaCrossBench_minimalLoop_",
            "SmaCrossBench_ta4j_",
            "FootprintBench_bytesPerBar_"
          }) {
        assertThat(list).contains("dev.alphapulse.bench.jmh_generated." + method + "jmhTest");
      }
    }
  }

  @Test
  void benchmarkBodiesRunOnGoog() {
    SmaCrossBench.Data data = new SmaCrossBench.Data();
    data.dataset = BenchData.GOOG;
    data.setUp();
    SmaCrossBench bench = new SmaCrossBench();
    assertThat(bench.alphapulse(data).trades()).hasSize(65);
    assertThat(bench.alphapulseWarmCache(data).equity()).isEqualTo(bench.alphapulse(data).equity());
    assertThat(bench.minimalLoop(data).tradeCount()).isEqualTo(65);
    SmaCrossBench.Ta4jData ta4j = new SmaCrossBench.Ta4jData();
    ta4j.setUp(data);
    assertThat(bench.ta4j(ta4j).roundTrips()).hasSize(66);
  }
}
