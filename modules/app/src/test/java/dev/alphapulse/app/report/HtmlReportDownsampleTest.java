package dev.alphapulse.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HtmlReportDownsampleTest {

  @Test
  void shortSeriesAreKeptWhole() {
    double[] v = {3, 1, 2};
    assertThat(Downsample.indices(3, List.of(v), 5_000, new int[0])).containsExactly(0, 1, 2);
  }

  @Test
  void longSeriesKeepFirstLastAndExtremesWithinBudget() {
    int n = 1_000_003;
    SplittableRandom rnd = new SplittableRandom(42);
    double[] a = new double[n];
    double[] b = new double[n];
    double x = 100;
    for (int i = 0; i < n; i++) {
      x += rnd.nextDouble(-1, 1);
      a[i] = x;
      b[i] = rnd.nextGaussian();
    }
    a[123_457] = 1e6; // a spike that must survive
    b[777_777] = -1e6;
    b[0] = Double.NaN; // the first point is kept even if it is a gap

    int[] keep = Downsample.indices(n, List.of(a, b), 5_000, new int[] {500_000});

    assertThat(keep.length).isLessThanOrEqualTo(5_001);
    assertThat(keep).startsWith(0).endsWith(n - 1).contains(500_000, 123_457, 777_777);
    for (int i = 1; i < keep.length; i++) {
      assertThat(keep[i]).isGreaterThan(keep[i - 1]);
    }
    for (double[] s : List.of(a, b)) {
      double[] picked = Arrays.stream(keep).mapToDouble(i -> s[i]).toArray();
      double[] finite = Arrays.stream(s).filter(Double::isFinite).toArray();
      assertThat(Arrays.stream(picked).filter(Double::isFinite).min().getAsDouble())
          .isEqualTo(Arrays.stream(finite).min().getAsDouble());
      assertThat(Arrays.stream(picked).filter(Double::isFinite).max().getAsDouble())
          .isEqualTo(Arrays.stream(finite).max().getAsDouble());
    }
  }

  @Test
  void isDeterministic() {
    double[] v = new double[100_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.sin(i / 1000.0) + (i % 7) * 0.01;
    }
    assertThat(Downsample.indices(v.length, List.of(v), 1_000, new int[0]))
        .containsExactly(Downsample.indices(v.length, List.of(v), 1_000, new int[0]));
  }

  @Test
  void gapsSurviveAsOnePoint() {
    double[] v = new double[10_000];
    Arrays.fill(v, Double.NaN);
    int[] keep = Downsample.indices(v.length, List.of(v), 100, new int[0]);
    assertThat(keep.length).isBetween(3, 100);
    assertThat(keep).startsWith(0).endsWith(v.length - 1);
  }

  @Test
  void rejectsATooSmallBudget() {
    assertThatThrownBy(() -> Downsample.indices(10, List.of(new double[10]), 1, new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPoints")
        .hasMessageContaining("1");
  }
}
