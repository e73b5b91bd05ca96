package dev.alphapulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {
  static final DataSpec.Synthetic SPEC = new DataSpec.Synthetic(3, 700, 5);

  @Test
  void identicalDataGivesTheIdenticalHash() {
    Universe a = SPEC.generate();
    Universe b = SPEC.generate();
    assertThat(a).isNotSameAs(b);
    assertThat(DatasetFingerprint.of(a)).isEqualTo(DatasetFingerprint.of(b)).hasSize(64);
    // copies of the columns hash alike: content, not identity
    Universe copy = Universe.align(a.series().stream().map(s -> s.slice(0, s.size())).toList());
    assertThat(DatasetFingerprint.of(copy)).isEqualTo(DatasetFingerprint.of(a));
  }

  @Test
  void anyChangeChangesTheHash() {
    Universe base = SPEC.generate();
    String h = DatasetFingerprint.of(base);
    assertThat(DatasetFingerprint.of(new DataSpec.Synthetic(3, 700, 6).generate())).isNotEqualTo(h);
    assertThat(DatasetFingerprint.of(new DataSpec.Synthetic(3, 699, 5).generate())).isNotEqualTo(h);
    assertThat(DatasetFingerprint.of(new DataSpec.Synthetic(2, 700, 5).generate())).isNotEqualTo(h);

    BarSeries s0 = base.series(0);
    double[] close = s0.closes().clone();
    close[350] = Math.nextUp(close[350]); // one bit of one price
    BarSeries bumped =
        new BarSeries(
            s0.symbol(), s0.times(), s0.opens(), s0.highs(), s0.lows(), close, s0.volumes());
    assertThat(
            DatasetFingerprint.of(Universe.align(List.of(bumped, base.series(1), base.series(2)))))
        .isNotEqualTo(h);
    BarSeries renamed =
        new BarSeries(
            "OTHER", s0.times(), s0.opens(), s0.highs(), s0.lows(), s0.closes(), s0.volumes());
    assertThat(
            DatasetFingerprint.of(Universe.align(List.of(renamed, base.series(1), base.series(2)))))
        .isNotEqualTo(h);
    assertThat(
            DatasetFingerprint.of(
                Universe.align(List.of(base.series(1), base.series(0), base.series(2)))))
        .isNotEqualTo(h);
  }

  @Test
  void whichBarsAreRealIsPartOfTheData() {
    long[] t = {1, 2, 3};
    BarSeries a = BarSeries.ofCloses("A", t, new double[] {10, 11, 12});
    // B has no bar at t=2: aligned, its bar there repeats the previous close with volume 0
    BarSeries gappy =
        new BarSeries("B", new long[] {1, 3}, d(5, 6), d(5, 6), d(5, 6), d(5, 6), d(0, 0));
    BarSeries filled =
        new BarSeries("B", t, d(5, 5, 6), d(5, 5, 6), d(5, 5, 6), d(5, 5, 6), d(0, 0, 0));
    Universe u1 = Universe.align(List.of(a, gappy));
    Universe u2 = Universe.align(List.of(a, filled));
    assertThat(u1.series(1).closes()).containsExactly(u2.series(1).closes());
    assertThat(DatasetFingerprint.of(u1)).isNotEqualTo(DatasetFingerprint.of(u2));
  }

  @Test
  void theLayoutIsTheDocumentedOne() throws Exception {
    long[] t = {86_400_000L, 172_800_000L};
    BarSeries x =
        new BarSeries("XÉ", t, d(1.5, 2), d(2, 3), d(1, 1.5), d(1.75, Double.NaN), d(100, -0.0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write("alphapulse-dataset-v1".getBytes(StandardCharsets.UTF_8));
    out.writeByte(0);
    out.writeInt(1);
    out.writeInt(2);
    for (long v : t) {
      out.writeLong(v);
    }
    byte[] name = "XÉ".getBytes(StandardCharsets.UTF_8);
    out.writeInt(name.length);
    out.write(name);
    out.writeByte(1);
    out.writeByte(1);
    for (double[] column : List.of(x.opens(), x.highs(), x.lows(), x.closes(), x.volumes())) {
      for (double v : column) {
        out.writeLong(Double.doubleToLongBits(v));
      }
    }
    String expected =
        HexFormat.of().formatHex(DatasetFingerprint.sha256().digest(bytes.toByteArray()));
    assertThat(DatasetFingerprint.of(Universe.of(x))).isEqualTo(expected);
  }

  @Test
  void aLongUniverseCrossesTheBufferBoundaryCorrectly() throws IOException {
    Universe u = new DataSpec.Synthetic(2, 5_000, 1).generate(); // ~ 500 KB through a 64 KiB buffer
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write("alphapulse-dataset-v1".getBytes(StandardCharsets.UTF_8));
    out.writeByte(0);
    out.writeInt(2);
    out.writeInt(5_000);
    for (long v : u.calendar()) {
      out.writeLong(v);
    }
    for (BarSeries s : u.series()) {
      byte[] name = s.symbol().getBytes(StandardCharsets.UTF_8);
      out.writeInt(name.length);
      out.write(name);
      for (int i = 0; i < s.size(); i++) {
        out.writeByte(1);
      }
      for (double[] column : List.of(s.opens(), s.highs(), s.lows(), s.closes(), s.volumes())) {
        for (double v : column) {
          out.writeLong(Double.doubleToLongBits(v));
        }
      }
    }
    assertThat(DatasetFingerprint.of(u))
        .isEqualTo(
            HexFormat.of().formatHex(DatasetFingerprint.sha256().digest(bytes.toByteArray())));
  }

  @Test
  void refCarriesLocationHashSymbolsAndCalendar() {
    Universe u = SPEC.generate();
    DatasetRef ref = DatasetFingerprint.ref(SPEC.location(), u);
    assertThat(ref.location()).isEqualTo("synthetic:3x700:5");
    assertThat(ref.contentHash()).isEqualTo(DatasetFingerprint.of(u));
    assertThat(ref.symbols()).containsExactly("SYN00", "SYN01", "SYN02");
    assertThat(ref.bars()).isEqualTo(700);
    assertThat(ref.firstTime()).isEqualTo(u.calendar()[0]);
    assertThat(ref.lastTime()).isEqualTo(u.calendar()[699]);
  }

  private static double[] d(double... v) {
    return v;
  }
}
