package dev.alphapulse.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {
  @Test
  void keysTakenInTurnAreDerivedOnce() {
    IdentityMemo<double[], Double> memo = new IdentityMemo<>();
    List<double[]> derived = new ArrayList<>();
    double[][] keys = new double[IdentityMemo.ENTRIES][];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = new double[] {k};
    }
    for (int round = 0; round < 5; round++) {
      for (double[] key : keys) { // a chunk's runs: every symbol in turn
        assertThat(memo.get(key, x -> derive(x, derived))).isEqualTo(key[0]);
      }
    }
    assertThat(derived).containsExactly(keys);
  }

  @Test
  void aNewKeyReplacesTheOldestAndEqualContentsAreNotTheSameKey() {
    IdentityMemo<double[], Double> memo = new IdentityMemo<>();
    List<double[]> derived = new ArrayList<>();
    double[][] keys = new double[IdentityMemo.ENTRIES + 1][];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = new double[] {k};
      memo.get(keys[k], x -> derive(x, derived));
    }
    memo.get(keys[keys.length - 1], x -> derive(x, derived)); // kept
    memo.get(keys[1], x -> derive(x, derived)); // kept
    memo.get(keys[0], x -> derive(x, derived)); // the oldest: replaced, derived again
    memo.get(new double[] {1}, x -> derive(x, derived)); // same contents, another array
    assertThat(derived).hasSize(keys.length + 2);
    assertThat(derived.get(keys.length)).isSameAs(keys[0]);
  }

  private static double derive(double[] key, List<double[]> derived) {
    derived.add(key);
    return key[0];
  }
}
