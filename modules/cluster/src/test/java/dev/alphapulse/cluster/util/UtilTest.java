package dev.alphapulse.cluster.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtilTest {
  @TempDir Path dir;

  @Test
  void cache_manager_stores_reads_evicts_under_the_cap_and_reindexes_on_reopen() {
    CacheManager c = CacheManager.open(dir, 10_000);
    c.put("aaaaaaaa01", new byte[3_000]);
    assertThat(c.get("aaaaaaaa01")).get().extracting(b -> b.length).isEqualTo(3_000);
    assertThat(c.get("bbbbbbbb02")).isEmpty();
    for (int i = 0; i < 10; i++) {
      c.put("cccccccc" + i + "x", new byte[3_000]);
    }
    CacheManager.Stats s = c.stats();
    assertThat(s.bytes()).isLessThanOrEqualTo(10_000);
    assertThat(s.evictions()).isPositive();
    assertThat(s.hits()).isEqualTo(1);
    assertThat(s.misses()).isEqualTo(1);
    long files;
    try (var list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".bin")).count();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat(files).isEqualTo(s.entries());
    CacheManager reopened = CacheManager.open(dir, 10_000);
    assertThat(reopened.stats().entries()).isEqualTo(s.entries());
    assertThatThrownBy(() -> c.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retry_policy_retries_with_backoff_then_gives_up() throws Exception {
    RetryPolicy p = RetryPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(40), 4);
    assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMillis(10));
    assertThat(p.delayAfter(3)).isEqualTo(Duration.ofMillis(40));
    AtomicInteger calls = new AtomicInteger();
    String out =
        p.call(
            "t",
            e -> e instanceof IllegalStateException,
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
              }
              return "ok";
            });
    assertThat(out).isEqualTo("ok");
    assertThat(calls).hasValue(3);
    AtomicInteger always = new AtomicInteger();
    assertThatThrownBy(
            () ->
                p.call(
                    "t",
                    e -> true,
                    () -> {
                      always.incrementAndGet();
                      throw new IllegalStateException("never");
                    }))
        .hasMessage("never");
    assertThat(always).hasValue(4);
  }

  @Test
  void resource_monitor_samples_keeps_history_and_checks_thresholds() {
    ResourceMonitor m = new ResourceMonitor(0.99, 0.99, 3);
    for (int i = 0; i < 5; i++) {
      m.sample();
    }
    assertThat(m.history()).hasSize(3);
    ResourceMonitor.Sample s = m.history().get(2);
    assertThat(s.processors()).isPositive();
    assertThat(s.memoryTotalBytes()).isPositive();
    assertThat(s.memoryFraction()).isBetween(0.0, 1.0);
    ResourceMonitor strict = new ResourceMonitor(1.0, 0.000_001, 1);
    assertThat(strict.isAvailable()).isFalse();
    assertThat(PartitionSizes.optimizePartitionSize(1000, 2, 1, 100)).isEqualTo(100);
    assertThat(PartitionSizes.optimizePartitionSize(100, 5, 1, 100)).isEqualTo(5);
  }
}
