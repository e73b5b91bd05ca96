package dev.alphapulse.research.portfolio;

import java.util.List;

/**
 * The account that results from combining sleeve returns ({@link SleevePortfolio#combine}).
 *
 * @param equity total account value at each bar's close (after any rebalance, which does not change
 *     it); read-only by contract
 * @param sleeveValues value of each sleeve at each bar's close after any rebalance ({@code T x K});
 *     read-only by contract
 * @param schedule the weight schedule, in bar order; its first entry is bar 0
 */
public record SleeveCombination(
    double[] equity, double[][] sleeveValues, List<Rebalance> schedule) {

  public SleeveCombination {
    if (equity.length == 0 || equity.length != sleeveValues.length) {
      throw new IllegalArgumentException(
          "equity and sleeveValues must have the same non-zero length, were "
              + equity.length
              + " and "
              + sleeveValues.length);
    }
    schedule = List.copyOf(schedule);
    if (schedule.isEmpty() || schedule.get(0).bar() != 0) {
      throw new IllegalArgumentException("schedule must start at bar 0, was " + schedule);
    }
  }

  /**
   * The time-weighted mean of the scheduled weights: each entry weighted by the number of bar
   * returns it governs (from its bar to the next entry's bar, or to the last bar); the first entry
   * alone when there is a single bar.
   */
  public double[] averageWeights() {
    int k = schedule.get(0).weights().length;
    int last = equity.length - 1;
    if (last == 0) {
      return schedule.get(0).weights();
    }
    double[] avg = new double[k];
    for (int j = 0; j < schedule.size(); j++) {
      int from = schedule.get(j).bar();
      int to = j + 1 < schedule.size() ? schedule.get(j + 1).bar() : last;
      double span = (double) (to - from) / last;
      for (int i = 0; i < k; i++) {
        avg[i] += schedule.get(j).weight(i) * span;
      }
    }
    return avg;
  }
}
