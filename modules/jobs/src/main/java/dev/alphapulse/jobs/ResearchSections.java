package dev.alphapulse.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The research sections of a job file: which job type may have which section, and their canonical
 * JSON form kept in {@link JobSpec#research()}. Their content is checked later, against the
 * strategies and the data, by {@link dev.alphapulse.jobs.research.ResearchJobs}.
 */
final class ResearchSections {
  private ResearchSections() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Section name to the job types that take it. */
  private static final Map<String, List<JobType>> ALLOWED =
      Map.of(
          "search-space", List.of(JobType.OPTIMIZE, JobType.WALK_FORWARD),
          "search", List.of(JobType.OPTIMIZE, JobType.WALK_FORWARD),
          "scheduler", List.of(JobType.OPTIMIZE),
          "walk-forward", List.of(JobType.WALK_FORWARD),
          "monte-carlo", List.of(JobType.MONTE_CARLO),
          "batch", List.of(JobType.BATCH),
          "portfolio", List.of(JobType.PORTFOLIO));

  /** Sections a job type cannot run without. */
  private static final Map<JobType, List<String>> REQUIRED =
      Map.of(
          JobType.OPTIMIZE, List.of("search-space"),
          JobType.WALK_FORWARD, List.of("search-space", "walk-forward"),
          JobType.MONTE_CARLO, List.of(),
          JobType.BATCH, List.of("batch"),
          JobType.PORTFOLIO, List.of("portfolio"));

  /**
   * The research sections of {@code root} as one JSON object, or {@code null} for a backtest or
   * sweep.
   *
   * @throws JobSpecException naming a section the job type does not take or a missing one
   */
  static String extract(JsonNode root, JobType type) {
    ObjectNode out = JSON.createObjectNode();
    for (Map.Entry<String, List<JobType>> e : ALLOWED.entrySet()) {
      JsonNode section = root.get(e.getKey());
      if (section == null || section.isNull()) {
        continue;
      }
      if (!e.getValue().contains(type)) {
        throw new JobSpecException(
            e.getKey(),
            "is a section of "
                + String.join(" or ", e.getValue().stream().map(JobType::fileName).toList())
                + " jobs, not of a "
                + type.fileName()
                + " job");
      }
      out.set(e.getKey(), section);
    }
    if (!type.isResearch()) {
      return null;
    }
    for (String required : REQUIRED.get(type)) {
      if (!out.has(required)) {
        throw new JobSpecException(required, "is missing: a " + type.fileName() + " job needs it");
      }
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write research sections as JSON", e);
    }
  }
}
