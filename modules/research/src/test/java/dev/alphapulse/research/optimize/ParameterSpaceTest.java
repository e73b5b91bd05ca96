package dev.alphapulse.research.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {
  static final StrategyDescriptor SMA = StrategyRegistry.load().get("sma-cross");
  static final StrategyDescriptor RSI = StrategyRegistry.load().get("rsi");

  static double[] draws(Domain d, int n) {
    SplittableRandom rng = new SplittableRandom(5);
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = ((Number) d.sample(rng)).doubleValue();
    }
    return x;
  }

  @Test
  void uniformIsInsideAndFlat() {
    double[] x = draws(Domain.uniform(2, 6), 20_000);
    assertThat(Arrays.stream(x).min().getAsDouble()).isGreaterThanOrEqualTo(2);
    assertThat(Arrays.stream(x).max().getAsDouble()).isLessThan(6);
    assertThat(Arrays.stream(x).average().getAsDouble()).isCloseTo(4, within(0.05));
    long lowQuarter = Arrays.stream(x).filter(v -> v < 3).count();
    assertThat(lowQuarter / 20_000.0).isCloseTo(0.25, within(0.015));
  }

  @Test
  void loguniformIsFlatOnALogScale() {
    double[] x = draws(Domain.loguniform(1, 10_000), 20_000);
    assertThat(Arrays.stream(x).allMatch(v -> v >= 1 && v <= 10_000)).isTrue();
    Arrays.sort(x);
    assertThat(x[10_000]).isCloseTo(100, within(10.0)); // median = geometric midpoint
    long belowTen = Arrays.stream(x).filter(v -> v < 10).count();
    assertThat(belowTen / 20_000.0).isCloseTo(0.25, within(0.015));
  }

  @Test
  void randintIncludesBothBoundsEvenly() {
    double[] x = draws(Domain.randint(3, 6), 40_000);
    for (int v = 3; v <= 6; v++) {
      final int value = v;
      long c = Arrays.stream(x).filter(d -> d == value).count();
      assertThat(c / 40_000.0).as("P(%d)", v).isCloseTo(0.25, within(0.015));
    }
    assertThat(Arrays.stream(x).allMatch(d -> d >= 3 && d <= 6 && d == Math.rint(d))).isTrue();
  }

  @Test
  void quniformStaysOnItsGridInsideTheBounds() {
    Domain q = Domain.quniform(0.5, 2.0, 0.5);
    double[] x = draws(q, 8_000);
    assertThat(Arrays.stream(x).distinct().sorted().toArray()).containsExactly(0.5, 1.0, 1.5, 2.0);
    assertThat(Domain.quniform(10, 25, 10).sample(new SplittableRandom(1))).isIn(10, 20);
  }

  @Test
  void lograndintFavoursSmallIntegers() {
    double[] x = draws(Domain.lograndint(1, 100), 20_000);
    assertThat(Arrays.stream(x).allMatch(d -> d >= 1 && d <= 100 && d == Math.rint(d))).isTrue();
    long small = Arrays.stream(x).filter(d -> d <= 10).count();
    // each integer gets the mass of its log-bin [v - 0.5, v + 0.5)
    double expected = Math.log(10.5 / 0.5) / Math.log(100.5 / 0.5);
    assertThat(small / 20_000.0).isCloseTo(expected, within(0.015));
  }

  @Test
  void choiceIsUniform() {
    Domain c = Domain.choice("a", "b", 3);
    SplittableRandom rng = new SplittableRandom(3);
    Map<Object, Integer> counts = new LinkedHashMap<>();
    for (int k = 0; k < 30_000; k++) {
      counts.merge(c.sample(rng), 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder("a", "b", 3);
    counts.values().forEach(n -> assertThat(n / 30_000.0).isCloseTo(1 / 3.0, within(0.015)));
  }

  @Test
  void parsesTheGenericTreeOfAYamlFile() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("fast", Map.of("randint", List.of(5, 50)));
    raw.put("slow", Map.of("loguniform", List.of(20, 400)));
    raw.put("fill", "next-open");
    raw.put("period", Map.of("grid", List.of(10, 20)));
    raw.put("q", Map.of("quniform", List.of(0.0, 1.0, 0.25)));
    raw.put("c", Map.of("choice", List.of("x", 2.5, true)));
    ParameterSpace space = ParameterSpace.parse(raw);
    assertThat(space.names()).containsExactly("fast", "slow", "fill", "period", "q", "c");
    assertThat(space.domain("fast")).isEqualTo(new Domain.RandInt(5, 50));
    assertThat(space.domain("slow")).isEqualTo(new Domain.LogUniform(20, 400, false));
    assertThat(space.domain("fill")).isEqualTo(new Domain.Fixed("next-open"));
    assertThat(space.domain("period")).isEqualTo(new Domain.Grid(List.of(10, 20)));
    assertThat(space.domain("q")).isEqualTo(new Domain.QUniform(0, 1, 0.25));
    assertThat(space.domain("c")).isEqualTo(new Domain.Choice(List.of("x", 2.5, true)));
  }

  @Test
  void validatesAgainstTheStrategyAndSamplesParamsTheEngineAccepts() {
    ParameterSpace space =
        ParameterSpace.parse(
            Map.of(
                "fast",
                Map.of("randint", List.of(5, 50)),
                "slow",
                Map.of("loguniform", List.of(60, 400))),
            SMA);
    // loguniform on an INT parameter draws whole numbers on a log scale
    assertThat(space.domain("slow")).isEqualTo(new Domain.LogUniform(60, 400, true));
    SplittableRandom rng = new SplittableRandom(9);
    for (int k = 0; k < 200; k++) {
      Params p = ParameterSpace.toParams(space.sample(rng), SMA);
      assertThat(p.get("fast")).isInstanceOf(Integer.class);
      assertThat(p.get("slow")).isInstanceOf(Integer.class);
      assertThat(SMA.create(p)).isNotNull();
    }
    // values of DOUBLE parameters become doubles
    ParameterSpace rsi =
        ParameterSpace.parse(Map.of("lower", Map.of("grid", List.of(20, 30))), RSI);
    assertThat(rsi.domain("lower")).isEqualTo(new Domain.Grid(List.of(20.0, 30.0)));
  }

  static void assertSpecError(Runnable r, String field, String... inMessage) {
    assertThatThrownBy(r::run)
        .isInstanceOf(ResearchSpecException.class)
        .satisfies(
            e -> {
              assertThat(((ResearchSpecException) e).field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ").contains(inMessage);
            });
  }

  @Test
  void errorsNameTheFieldAndTheBadValue() {
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fast", Map.of("randint", List.of(50, 5)))),
        "search-space.fast.randint",
        "50",
        "5");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("uniform", List.of(1, 1)))),
        "search-space.x.uniform",
        "empty or inverted");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("loguniform", List.of(0, 10)))),
        "search-space.x.loguniform",
        "0.0");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("randint", List.of(1.5, 10)))),
        "search-space.x.randint",
        "1.5");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("uniform", List.of(1)))),
        "search-space.x.uniform",
        "[lo, hi]");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("gaussian", List.of(1, 2)))),
        "search-space.x.gaussian",
        "unknown domain kind");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("choice", List.of(1, 2, 1)))),
        "search-space.x.choice[2]",
        "duplicate value 1");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", List.of(1, 2))),
        "search-space.x.value",
        "ambiguous");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("x", Map.of("choice", List.of())), SMA),
        "search-space.x.choice",
        "at least one");
  }

  @Test
  void validationErrorsNameTheFieldAndTheBadValue() {
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fats", Map.of("randint", List.of(5, 50))), SMA),
        "search-space.fats",
        "unknown parameter 'fats'",
        "fast, slow");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fast", Map.of("uniform", List.of(5, 50))), SMA),
        "search-space.fast.uniform",
        "INT",
        "randint");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fast", Map.of("randint", List.of(0, 50))), SMA),
        "search-space.fast.randint",
        "[0, 50] is outside the declared range [1, 1000]");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fast", Map.of("quniform", List.of(5, 50, 2.5))), SMA),
        "search-space.fast.quniform",
        "2.5");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fast", Map.of("grid", List.of(5, 10.5))), SMA),
        "search-space.fast.grid[1]",
        "10.5");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("fast", "next-open"), SMA),
        "search-space.fast.fixed",
        "next-open");
    assertSpecError(
        () -> ParameterSpace.parse(Map.of("upper", Map.of("uniform", List.of(50, 120))), RSI),
        "search-space.upper.uniform",
        "[50, 120]",
        "[0, 100]");
  }
}
