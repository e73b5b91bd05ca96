package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.app.report.Page;
import java.util.Optional;

/**
 * The HTML report page of a research job's result object, for any job of type {@code optimize},
 * {@code monte-carlo} or {@code portfolio} (not only the examples'): the trials with the
 * best-so-far chart and the overfitting statistics, the fan chart and percentile bands, or the
 * combined equity, weights and sleeves. Render it with {@link dev.alphapulse.app.report.HtmlPage}.
 */
public final class ResearchPages {
  private ResearchPages() {}

  /**
   * The page of {@code result} (the {@code result} object of {@code run --json}), or empty for a
   * type without one.
   *
   * @param dataDescription one line on the data, shown under the title; may be empty
   */
  public static Optional<Page> of(JsonNode result, String dataDescription) {
    String type = result.path("type").asText();
    return switch (type) {
      case "optimize" -> Optional.of(HpoExample.page(result, dataDescription));
      case "monte-carlo" -> Optional.of(MonteCarloExample.page(result, dataDescription));
      case "portfolio" -> Optional.of(PortfolioExample.page(result, dataDescription));
      default -> Optional.empty();
    };
  }
}
