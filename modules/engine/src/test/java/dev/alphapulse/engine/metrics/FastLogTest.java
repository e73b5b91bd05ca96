package dev.alphapulse.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FastLog} is the logarithm within 1 ulp (as {@code Math.log} is), exact at 1, {@code
 * Math.log} itself outside its polynomial's range, and its array form gives the bits of the scalar
 * one.
 */
class FastLogTest {

  @Test
  void withinOneUlpOfMathLogNearOneAndRarelyDifferent() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 2_000_000;
    int differ = 0;
    for (int k = 0; k < n; k++) {
      // half uniform over the whole range, half within 1% of 1 (daily returns)
      double width = k % 2 == 0 ? FastLog.RADIUS : 0.01;
      double x = 1 + (2 * rng.nextDouble() - 1) * width;
      double fast = FastLog.log(x);
      double exact = Math.log(x);
      long ulps = Math.abs(Double.doubleToLongBits(fast) - Double.doubleToLongBits(exact));
      assertThat(ulps).as("log(%s): %s vs Math.log %s", x, fast, exact).isLessThanOrEqualTo(1);
      differ += ulps == 0 ? 0 : 1;
    }
    assertThat((double) differ / n).as("share of inputs one ulp off Math.log").isLessThan(0.01);
  }

  @Test
  void exactAtOneAndAtTheEdgesOfTheRange() {
    assertThat(Double.doubleToRawLongBits(FastLog.log(1.0))).isEqualTo(0L); // +0.0
    for (double x :
        new double[] {
          Math.nextUp(1 - FastLog.RADIUS),
          1 - FastLog.RADIUS,
          Math.nextDown(1 + FastLog.RADIUS),
          1 + FastLog.RADIUS,
          Math.nextUp(1.0),
          Math.nextDown(1.0)
        }) {
      long ulps =
          Math.abs(Double.doubleToLongBits(FastLog.log(x)) - Double.doubleToLongBits(Math.log(x)));
      assertThat(ulps).as("log(%s)", x).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void mathLogOutsideTheRange() {
    SplittableRandom rng = new SplittableRandom(8);
    double[] special = {
      0.0,
      -0.0,
      -1.0,
      0.5,
      0.9,
      1.1,
      2.0,
      1e-300,
      1e300,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE
    };
    for (double x : special) {
      if (!FastLog.nearOne(x)) {
        assertThat(Double.doubleToRawLongBits(FastLog.log(x)))
            .as("log(%s)", x)
            .isEqualTo(Double.doubleToRawLongBits(Math.log(x)));
      }
    }
    for (int k = 0; k < 100_000; k++) {
      double x = Math.exp(40 * rng.nextDouble() - 20);
      if (!FastLog.nearOne(x)) {
        assertThat(Double.doubleToRawLongBits(FastLog.log(x)))
            .isEqualTo(Double.doubleToRawLongBits(Math.log(x)));
      }
    }
  }

  @Test
  void arrayFormGivesTheScalarBits() {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 100_003;
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = 1 + (2 * rng.nextDouble() - 1) * 0.07; // some outside the range
    }
    double[] out = new double[n];
    for (int round = 0; round < 20; round++) { // until the JIT has compiled (and vectorized) it
      FastLog.log1p(x, out, n);
    }
    for (int k = 0; k < n; k++) {
      double expected = FastLog.nearOne(x[k]) ? FastLog.log(x[k]) : FastLog.log1p(x[k] - 1);
      assertThat(Double.doubleToRawLongBits(out[k]))
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
  }
}
