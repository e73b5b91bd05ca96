package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;
import java.util.function.ToDoubleFunction;

/**
 * Exposes one secondary output of a multi-output indicator (a Bollinger band, %B) as the value of
 * an {@link Indicator}, so it can be turned into a column and cached. The output function must be a
 * non-capturing accessor so that {@code update} stays allocation-free.
 */
final class Projection<T extends Indicator> implements Indicator {
  private final T source;
  private final ToDoubleFunction<T> output;
  private final String key;
  private double value = Double.NaN;

  Projection(T source, ToDoubleFunction<T> output, String key) {
    this.source = source;
    this.output = output;
    this.key = key;
  }

  @Override
  public double update(BarSeries series, int i) {
    source.update(series, i);
    value = output.applyAsDouble(source);
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmup() {
    return source.warmup();
  }

  @Override
  public void reset() {
    source.reset();
    value = Double.NaN;
  }

  @Override
  public String toString() {
    return key;
  }
}
