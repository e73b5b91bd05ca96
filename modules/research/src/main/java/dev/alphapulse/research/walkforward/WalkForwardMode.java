package dev.alphapulse.research.walkforward;

/** How the in-sample window moves from one walk-forward window to the next. */
public enum WalkForwardMode {
  /** The in-sample window keeps its size and moves by the step: {@code [k step, k step + W)}. */
  ROLLING,
  /** The in-sample window starts at bar 0 and grows by the step: {@code [0, W + k step)}. */
  ANCHORED
}
