package dev.alphapulse.engine.broker;

import java.util.Locale;

/**
 * When market orders fill.
 *
 * <ul>
 *   <li>{@link #NEXT_OPEN} (default, name {@code next-open}): an order placed while processing bar
 *       {@code i} fills at bar {@code i+1}'s open, as backtesting.py with {@code
 *       trade_on_close=False}.
 *   <li>{@link #CLOSE} (name {@code close}): a market order fills at the close of the bar on which
 *       it was placed (the signal bar), recorded as entered on that bar, as backtesting.py with
 *       {@code trade_on_close=True}. Stop-loss and take-profit orders still fill intrabar.
 * </ul>
 */
public enum FillPolicy {
  NEXT_OPEN("next-open"),
  CLOSE("close");

  private final String cliName;

  FillPolicy(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in job files. */
  public String cliName() {
    return cliName;
  }

  /**
   * Parses {@code next-open} or {@code close} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FillPolicy parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (FillPolicy p : values()) {
      if (p.cliName.equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown fill policy '" + name + "': expected next-open or close");
  }
}
