package dev.alphapulse.research.optimize;

import java.util.List;

/**
 * The output of a PBT study: the parameter schedule and the stitched out-of-sample equity.
 *
 * <p>The parameters applied on segment {@code k+1} are those of the best member on segment {@code
 * k}; that member is never replaced at boundary {@code k}, so its run on segment {@code k+1} is
 * exactly those parameters trading data they were not chosen on. The stitched curve starts at 1.0
 * at the start of segment 1 and chains, segment after segment, the applied member's equity growth
 * over the segment (bar by bar when outcomes carry equity curves, else one point per segment from
 * {@code "Return [%]"}).
 *
 * @param segments one entry per segment run so far
 * @param stitchedEquity the out-of-sample curve, starting at 1.0
 */
public record PbtReport(List<PbtSegment> segments, List<Double> stitchedEquity) {
  public PbtReport {
    segments = List.copyOf(segments);
    stitchedEquity = List.copyOf(stitchedEquity);
  }

  /** The parameter schedule: for segment {@code k >= 1}, the parameters applied on it. */
  public List<java.util.Map<String, Object>> schedule() {
    return segments.stream().skip(1).map(PbtSegment::appliedParams).toList();
  }
}
