package dev.alphapulse.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {

  /** A user strategy provider, registered in this module's test META-INF/services. */
  public static final class UserProvider implements StrategyProvider {
    @Override
    public List<StrategyDescriptor> strategies() {
      return List.of(
          new StrategyDescriptor(
              "buy-and-hold",
              "buys all-in on the first bar and holds",
              List.of(ParamSpec.integer("delay", 0, 100, 0, "bars to wait")),
              List.of(),
              p ->
                  new Strategy() {
                    @Override
                    public void init(StrategyContext ctx) {}

                    @Override
                    public void next(StrategyContext ctx) {
                      if (ctx.position(0) == 0 && ctx.bar() >= 1 + p.getInt("delay")) {
                        ctx.buy(0);
                      }
                    }
                  }));
    }
  }

  @Test
  void findsBuiltinsAndServiceLoaderProviders() {
    StrategyRegistry r = StrategyRegistry.load();
    assertThat(r.all())
        .extracting(StrategyDescriptor::name)
        .contains("sma-cross", "mean-reversion", "breakout", "rsi", "momentum", "buy-and-hold");
    assertThat(r.get("buy-and-hold").create(Map.of("delay", 3))).isNotNull();
  }

  @Test
  void resolvesDefaultsAndRejectsBadValuesNamingThem() {
    StrategyDescriptor d = StrategyRegistry.load().get("sma-cross");
    assertThat(d.defaults().values()).containsEntry("fast", 10).containsEntry("slow", 30);
    assertThatThrownBy(() -> d.resolve(Map.of("fast", 2.5)))
        .hasMessageContaining("fast")
        .hasMessageContaining("2.5")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> d.resolve(Map.of("slow", 0)))
        .hasMessageContaining("slow: 0 is outside [2, 5000]");
    assertThatThrownBy(() -> d.resolve(Map.of("fast", 50)))
        .hasMessageContaining("fast must be < slow");
    assertThatThrownBy(() -> StrategyRegistry.load().get("nope"))
        .hasMessageContaining("unknown strategy 'nope'")
        .hasMessageContaining("sma-cross");
  }

  @Test
  void gridSkipsInvalidCombinationsInADeterministicOrder() {
    StrategyDescriptor d = StrategyRegistry.load().get("sma-cross");
    List<Params> grid =
        ParameterGrid.expand(
            d,
            new java.util.LinkedHashMap<>(Map.of("fast", ParameterGrid.range(10, 30, 10))) {
              {
                put("slow", List.of(20, 30));
              }
            });
    assertThat(grid)
        .extracting(p -> p.getInt("fast") + "/" + p.getInt("slow"))
        .containsExactly("10/20", "10/30", "20/30");
  }
}
