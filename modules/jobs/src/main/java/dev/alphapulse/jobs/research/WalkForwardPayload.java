package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.research.walkforward.WalkForwardWindow;
import java.util.Map;

/**
 * The payload of one walk-forward window.
 *
 * @param window the window (index and bar ranges)
 * @param inSampleStart time of the first in-sample bar, epoch millis
 * @param inSampleEnd time of the last in-sample bar
 * @param outOfSampleStart time of the first out-of-sample bar
 * @param outOfSampleEnd time of the last out-of-sample bar
 * @param bestTrialId the trial whose parameters were chosen
 * @param params the chosen parameters, in search-space order
 * @param inSampleReturn total return of the chosen parameters in sample (fraction)
 * @param inSampleSharpe their Sharpe ratio in sample
 * @param outOfSampleReturn total return out of sample, from the equity just before the first
 *     out-of-sample bar
 * @param outOfSampleSharpe Sharpe ratio out of sample
 * @param outOfSampleStats all statistics of the out-of-sample run
 * @param outOfSampleReturns per-bar simple returns of the out-of-sample bars
 * @param trialSharpes every in-sample trial's Sharpe ratio, in trial order (NaN when it failed)
 * @param failedTrials how many in-sample trials failed
 * @param deflatedSharpe the DSR of the chosen trial's in-sample returns given the window's trials,
 *     or null with fewer than 2 usable trials
 * @param pbo PBO by CSCV over the window's in-sample trials (as {@link Overfitting#pbo}), or null
 *     with fewer than 2 trials or {@code 2 * 16} in-sample returns (and in payloads journaled
 *     before it was added)
 */
record WalkForwardPayload(
    WalkForwardWindow window,
    long inSampleStart,
    long inSampleEnd,
    long outOfSampleStart,
    long outOfSampleEnd,
    long bestTrialId,
    Map<String, Object> params,
    double inSampleReturn,
    double inSampleSharpe,
    double outOfSampleReturn,
    double outOfSampleSharpe,
    Map<String, Double> outOfSampleStats,
    double[] outOfSampleReturns,
    double[] trialSharpes,
    int failedTrials,
    JsonNode deflatedSharpe,
    JsonNode pbo) {}
