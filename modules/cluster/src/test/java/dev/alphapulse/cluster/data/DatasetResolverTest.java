package dev.alphapulse.cluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {
  @TempDir Path dir;

  @Test
  void synthetic_data_resolves_to_the_same_bars_on_a_fresh_node() {
    DatasetRef ref =
        DatasetResolver.create(1 << 26).describe(new DataSpec.Synthetic(2, 300, 4), dir);
    assertThat(ref.location()).isEqualTo("synthetic:2x300:4");
    var fresh = DatasetResolver.create(1 << 26);
    assertThat(fresh.resolve(ref).size()).isEqualTo(300);
    assertThat(fresh.resolve(ref)).isSameAs(fresh.resolve(ref));
  }

  @Test
  void describing_the_same_data_again_keeps_the_cached_instance() {
    DatasetResolver resolver = DatasetResolver.create(1 << 26);
    DataSpec spec = new DataSpec.Synthetic(1, 200, 9);
    DatasetRef first = resolver.describe(spec, dir);
    var bars = resolver.resolve(first);
    DatasetRef again = resolver.describe(spec, dir);
    assertThat(again).isEqualTo(first);
    assertThat(resolver.resolve(again)).isSameAs(bars);
    assertThat(resolver.cachedDatasets()).isEqualTo(1);
  }

  @Test
  void data_whose_hash_differs_from_the_reference_is_refused() throws Exception {
    Path csv = dir.resolve("ABC.csv");
    Files.writeString(
        csv,
        "Date,Open,High,Low,Close,Volume\n"
            + "2020-01-02,10,11,9,10.5,100\n"
            + "2020-01-03,10.5,12,10,11,120\n");
    DatasetRef ref =
        DatasetResolver.create(1 << 26)
            .describe(new DataSpec.Files(csv.toString(), List.of()), dir);
    // the file changes behind the job's back
    Files.writeString(
        csv,
        "Date,Open,High,Low,Close,Volume\n"
            + "2020-01-02,10,11,9,10.5,100\n"
            + "2020-01-03,10.5,12,10,11.5,120\n");
    assertThatThrownBy(() -> DatasetResolver.create(1 << 26).resolve(ref))
        .isInstanceOf(DatasetResolver.DatasetMismatchException.class)
        .hasMessageContaining(ref.contentHash());
  }
}
