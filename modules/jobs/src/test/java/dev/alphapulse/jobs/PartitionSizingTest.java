package dev.alphapulse.jobs;

import static dev.alphapulse.jobs.PartitionSizing.optimizePartitionSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionSizingTest {

  @Test
  void aimsForFourChunksPerWorker() {
    assertThat(optimizePartitionSize(230, 4, 1, 1000)).isEqualTo(15); // ceil(230 / 16): 16 chunks
    assertThat(optimizePartitionSize(1000, 8, 1, 1000)).isEqualTo(32); // ceil(1000 / 32)
    assertThat(optimizePartitionSize(64, 16, 1, 100)).isEqualTo(1);
  }

  @Test
  void clampsToTheBounds() {
    assertThat(optimizePartitionSize(1_000_000, 2, 1, 500)).isEqualTo(500);
    assertThat(optimizePartitionSize(10, 8, 3, 100)).isEqualTo(3);
    assertThat(optimizePartitionSize(200_000, 4, 1_000, 200_000)).isEqualTo(12_500);
  }

  @Test
  void neverBelowOne() {
    assertThat(optimizePartitionSize(0, 4, 1, 10)).isEqualTo(1);
    assertThat(optimizePartitionSize(5, 100, 0, 10)).isEqualTo(1);
    assertThat(optimizePartitionSize(5, 100, -7, 10)).isEqualTo(1);
  }

  @Test
  void unclampedSizesGiveAtMostFourChunksPerWorkerAndNoFewerThanNeeded() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int k = 0; k < 10_000; k++) {
      long total = rnd.nextLong(1, 10_000_000);
      int workers = rnd.nextInt(1, 512);
      int size = optimizePartitionSize(total, workers, 1, Integer.MAX_VALUE);
      long chunks = (total + size - 1) / size;
      assertThat(chunks).isLessThanOrEqualTo(4L * workers);
      if (size > 1) {
        long oneSmaller = (total + size - 2) / (size - 1);
        assertThat(oneSmaller).isGreaterThan(4L * workers); // the size is the smallest that fits
      }
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> optimizePartitionSize(-1, 4, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("total");
    assertThatThrownBy(() -> optimizePartitionSize(10, 0, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workers");
    assertThatThrownBy(() -> optimizePartitionSize(10, 4, 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max");
    assertThatThrownBy(() -> optimizePartitionSize(10, 4, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
