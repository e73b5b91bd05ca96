package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;
import java.util.Locale;

/** Which value of a bar an indicator reads. */
public enum PriceField {
  OPEN,
  HIGH,
  LOW,
  CLOSE,
  VOLUME,
  /** The typical price {@code (high + low + close) / 3}. */
  TYPICAL;

  private final String key = name().toLowerCase(Locale.ROOT);

  /** This field's value at bar {@code i} of {@code series}; allocation-free. */
  public double of(BarSeries series, int i) {
    return switch (this) {
      case OPEN -> series.open(i);
      case HIGH -> series.high(i);
      case LOW -> series.low(i);
      case CLOSE -> series.close(i);
      case VOLUME -> series.volume(i);
      case TYPICAL -> (series.high(i) + series.low(i) + series.close(i)) / 3.0;
    };
  }

  /** The lower-case name used in indicator keys, e.g. {@code "close"}. */
  public String key() {
    return key;
  }
}
