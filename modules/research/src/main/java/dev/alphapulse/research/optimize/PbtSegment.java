package dev.alphapulse.research.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened on one PBT segment.
 *
 * @param segment the segment index
 * @param liveParams the parameters each member ran with on this segment, by member (trial) id
 * @param bestMember the member with the best objective on this segment (ties: lowest id)
 * @param bestObjective its objective
 * @param appliedMember the member whose parameters are applied out of sample on this segment: the
 *     best member of the previous segment; -1 on segment 0
 * @param appliedParams those parameters (chosen at the previous boundary); empty on segment 0
 * @param replacedMembers members that copied and explored at the boundary after this segment
 */
public record PbtSegment(
    int segment,
    List<Map<String, Object>> liveParams,
    long bestMember,
    double bestObjective,
    long appliedMember,
    Map<String, Object> appliedParams,
    List<Long> replacedMembers) {

  public PbtSegment {
    liveParams =
        liveParams.stream().map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
    Objects.requireNonNull(appliedParams, "appliedParams");
    appliedParams = Collections.unmodifiableMap(new LinkedHashMap<>(appliedParams));
    replacedMembers = List.copyOf(replacedMembers);
  }
}
