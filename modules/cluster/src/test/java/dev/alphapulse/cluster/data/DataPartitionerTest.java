package dev.alphapulse.cluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataPartitionerTest {

  @Test
  void by_time_covers_every_bar_once_with_a_clipped_warm_up() {
    var slices = DataPartitioner.byTime(10, 3, 2);
    assertThat(slices)
        .containsExactly(
            new DataPartitioner.TimeSlice(0, 0, 4),
            new DataPartitioner.TimeSlice(2, 4, 7),
            new DataPartitioner.TimeSlice(5, 7, 10));
    assertThat(DataPartitioner.byTime(2, 5, 0)).hasSize(2);
  }

  @Test
  void by_symbol_keeps_order_in_near_equal_groups() {
    assertThat(DataPartitioner.bySymbol(List.of("A", "B", "C", "D", "E"), 2))
        .containsExactly(List.of("A", "B", "C"), List.of("D", "E"));
    assertThat(DataPartitioner.bySymbol(List.of("A"), 4)).containsExactly(List.of("A"));
  }

  @Test
  void by_size_keeps_each_slice_with_its_warm_up_under_the_size() {
    // 4 symbols x 48 bytes = 192 bytes per bar; 1 MB holds 5461 bars, minus 100 of warm-up.
    var slices = DataPartitioner.bySize(20_000, 4, 1.0, 100);
    assertThat(slices).hasSize(4);
    for (var s : slices) {
      assertThat((long) (s.to() - s.warmupFrom()) * 192).isLessThanOrEqualTo(1 << 20);
    }
    assertThat(slices.get(slices.size() - 1).to()).isEqualTo(20_000);
    assertThatThrownBy(() -> DataPartitioner.bySize(100, 4, 0.0001, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
