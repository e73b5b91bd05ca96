/**
 * Walk-forward analysis on bar indices: generation of rolling or anchored in-sample/out-of-sample
 * windows with purge and embargo gaps ({@link
 * dev.alphapulse.research.walkforward.WalkForwardWindows}), per-window results, stitching of the
 * out-of-sample segments into one equity curve and walk-forward efficiency ({@link
 * dev.alphapulse.research.walkforward.WalkForwardStitching}). The optimisation inside each window
 * is not here: {@link dev.alphapulse.research.walkforward.WalkForward} only calls the hooks it is
 * given, so any optimiser (grid, an ask/tell study) can plug in.
 */
package dev.alphapulse.research.walkforward;
