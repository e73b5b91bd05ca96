package dev.alphapulse.bench;

/**
 * One trade as all three implementations can report it, for comparing them: where it was entered
 * and exited and at which prices. Sizes are left out because ta4j does not size all-in.
 *
 * @param isLong direction
 * @param entryBar index of the entry bar
 * @param entryPrice entry fill price
 * @param exitBar index of the exit bar, or -1 while the trade is open
 * @param exitPrice exit fill price, or {@code NaN} while the trade is open
 */
public record RoundTrip(
    boolean isLong, int entryBar, double entryPrice, int exitBar, double exitPrice) {

  /** The engine's closed trade. */
  public static RoundTrip of(dev.alphapulse.engine.broker.Trade t) {
    return new RoundTrip(t.size() > 0, t.entryBar(), t.entryPrice(), t.exitBar(), t.exitPrice());
  }

  /** Whether the trade is still open. */
  public boolean isOpen() {
    return exitBar < 0;
  }
}
