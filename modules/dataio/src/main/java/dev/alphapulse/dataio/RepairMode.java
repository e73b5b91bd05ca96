package dev.alphapulse.dataio;

/**
 * What the importer does with rows that fail validation. Whatever the mode, every bad row is listed
 * in the {@link DataQualityReport}; no mode changes data silently.
 */
public enum RepairMode {
  /**
   * The default: any issue fails the load with a {@link DataFormatException} naming the first bad
   * row (file, line, field, value) and how many more there are.
   */
  FAIL,

  /**
   * Drops every bad row: blank, unparseable or non-finite fields, non-positive prices, negative
   * volume, OHLC violations, and duplicate or out-of-order timestamps (the first occurrence is
   * kept).
   */
  DROP,

  /**
   * Repairs what can be repaired from the row itself and drops the rest: an OHLC violation is
   * clamped by widening high and low to include open and close (high = max(high, open, close), low
   * = min(low, open, close)); a blank, unparseable or negative volume becomes {@code NaN}
   * (unknown). Rows with a blank, unparseable, non-finite or non-positive time or price, and
   * duplicate or out-of-order timestamps, are dropped as in {@link #DROP}.
   */
  FIX
}
