package dev.alphapulse.research.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardWindowsTest {

  @Test
  void rollingWindowsMoveByTheStepAndTileTheOutOfSample() {
    List<WalkForwardWindow> ws = WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10), 100);
    assertThat(ws).hasSize(7);
    assertThat(ws.get(0)).isEqualTo(new WalkForwardWindow(0, 0, 30, 30, 40));
    assertThat(ws.get(1)).isEqualTo(new WalkForwardWindow(1, 10, 40, 40, 50));
    assertThat(ws.get(6)).isEqualTo(new WalkForwardWindow(6, 60, 90, 90, 100));
    for (int k = 1; k < ws.size(); k++) {
      assertThat(ws.get(k).outOfSampleFrom()).isEqualTo(ws.get(k - 1).outOfSampleTo());
      assertThat(ws.get(k).inSampleBars()).isEqualTo(30);
    }
  }

  @Test
  void anchoredWindowsGrowFromBarZero() {
    List<WalkForwardWindow> ws = WalkForwardWindows.generate(WalkForwardSpec.anchored(30, 10), 105);
    assertThat(ws).hasSize(7); // the last 5 bars cannot fill an out-of-sample segment
    assertThat(ws.get(3)).isEqualTo(new WalkForwardWindow(3, 0, 60, 60, 70));
    assertThat(ws.get(6)).isEqualTo(new WalkForwardWindow(6, 0, 90, 90, 100));
  }

  @Test
  void purgeDropsBarsBetweenInSampleAndOutOfSample() {
    List<WalkForwardWindow> ws =
        WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10).withPurge(2), 100);
    assertThat(ws).hasSize(6);
    assertThat(ws.get(0)).isEqualTo(new WalkForwardWindow(0, 0, 30, 32, 42));
    assertThat(ws.get(5)).isEqualTo(new WalkForwardWindow(5, 50, 80, 82, 92));
    assertThat(ws.get(0).purgedBars()).isEqualTo(2);
  }

  @Test
  void outOfSampleSizeCanDifferFromTheStep() {
    List<WalkForwardWindow> ws =
        WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10).withOutOfSampleSize(5), 100);
    assertThat(ws).hasSize(7);
    assertThat(ws.get(6)).isEqualTo(new WalkForwardWindow(6, 60, 90, 90, 95));
  }

  @Test
  void anExplicitNumberOfWindows() {
    assertThat(WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10).withWindows(3), 100))
        .hasSize(3);
    assertThat(WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10).withWindows(7), 100))
        .hasSize(7);
    assertThatThrownBy(
            () -> WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10).withWindows(8), 100))
        .isInstanceOf(WalkForwardSpecException.class)
        .hasMessageContaining("windows must be at most 7")
        .hasMessageContaining("was 8")
        .extracting(e -> ((WalkForwardSpecException) e).field())
        .isEqualTo("windows");
  }

  @Test
  void theEmbargoKeepsTheNextInSampleAwayFromTheLastOutOfSample() {
    // non-overlapping windows: W 20, step 40, OOS 10
    WalkForwardSpec spec = WalkForwardSpec.rolling(20, 40).withOutOfSampleSize(10);
    assertThat(WalkForwardWindows.generate(spec, 200).get(1))
        .isEqualTo(new WalkForwardWindow(1, 40, 60, 60, 70));
    assertThat(WalkForwardWindows.generate(spec.withEmbargo(5), 200).get(1))
        .isEqualTo(new WalkForwardWindow(1, 40, 60, 60, 70)); // 40 is past [30, 35)
    List<WalkForwardWindow> embargoed = WalkForwardWindows.generate(spec.withEmbargo(15), 200);
    assertThat(embargoed.get(0)).isEqualTo(new WalkForwardWindow(0, 0, 20, 20, 30));
    assertThat(embargoed.get(1)).isEqualTo(new WalkForwardWindow(1, 45, 60, 60, 70));
    assertThat(embargoed.get(2)).isEqualTo(new WalkForwardWindow(2, 85, 100, 100, 110));
    assertThatThrownBy(() -> WalkForwardWindows.generate(spec.withEmbargo(30), 200))
        .isInstanceOf(WalkForwardSpecException.class)
        .hasMessageContaining("embargo 30")
        .extracting(e -> ((WalkForwardSpecException) e).field())
        .isEqualTo("embargo");
    // overlapping rolling windows: the embargo changes nothing
    assertThat(WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10).withEmbargo(50), 100))
        .isEqualTo(WalkForwardWindows.generate(WalkForwardSpec.rolling(30, 10), 100));
  }

  @Test
  void invalidSpecsNameTheField() {
    assertThatThrownBy(() -> WalkForwardWindows.generate(WalkForwardSpec.rolling(95, 10), 100))
        .isInstanceOf(WalkForwardSpecException.class)
        .hasMessageContaining("windowSize + purge + out-of-sample size (95 + 0 + 10 = 105)")
        .hasMessageContaining("data length 100")
        .extracting(e -> ((WalkForwardSpecException) e).field())
        .isEqualTo("windowSize");
    assertThat(field(() -> WalkForwardSpec.rolling(30, 0))).isEqualTo("stepSize");
    assertThat(field(() -> WalkForwardSpec.rolling(0, 10))).isEqualTo("windowSize");
    assertThat(field(() -> WalkForwardSpec.rolling(30, 10).withWindows(-1))).isEqualTo("windows");
    assertThat(field(() -> WalkForwardSpec.rolling(30, 10).withPurge(-1))).isEqualTo("purge");
    assertThat(field(() -> WalkForwardSpec.rolling(30, 10).withEmbargo(-2))).isEqualTo("embargo");
    assertThat(field(() -> WalkForwardSpec.rolling(30, 10).withOutOfSampleSize(-1)))
        .isEqualTo("outOfSampleSize");
    assertThat(field(() -> new WalkForwardSpec(1, 1, 0, null, 0, 0, 0))).isEqualTo("mode");
    assertThat(field(() -> WalkForwardWindows.generate(WalkForwardSpec.rolling(1, 1), 0)))
        .isEqualTo("dataLength");
    assertThatThrownBy(() -> WalkForwardSpec.rolling(30, -3))
        .hasMessage("stepSize must be at least 1, was -3");
    assertThatThrownBy(() -> new WalkForwardWindow(0, 10, 10, 10, 20))
        .hasMessageContaining("inSampleTo");
    assertThatThrownBy(() -> new WalkForwardWindow(0, 0, 10, 9, 20))
        .hasMessageContaining("outOfSampleFrom");
  }

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (WalkForwardSpecException e) {
      return e.field();
    }
    throw new AssertionError("no WalkForwardSpecException");
  }
}
