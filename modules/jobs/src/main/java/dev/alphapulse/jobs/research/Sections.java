package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.research.optimize.ResearchSpecException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Small readers for the research sections, failing with the field's dotted path. */
final class Sections {
  private Sections() {}

  /** The section's node, or an empty object when absent. */
  static JsonNode section(JsonNode research, String name) {
    JsonNode n = research.get(name);
    if (n == null || n.isNull()) {
      return Json.object();
    }
    if (!n.isObject()) {
      throw new ResearchSpecException(name, "must be a mapping, was " + n);
    }
    return n;
  }

  static void checkKeys(JsonNode node, String path, List<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw new ResearchSpecException(
            path + "." + k, "unknown key; known keys: " + String.join(", ", known));
      }
    }
  }

  static String text(JsonNode node, String key, String path, String dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isValueNode()) {
      throw new ResearchSpecException(path + "." + key, "must be a single value, was " + v);
    }
    return v.asText();
  }

  static int integer(JsonNode node, String key, String path, int dflt, int min) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new ResearchSpecException(path + "." + key, "must be an integer, was " + v);
    }
    if (v.intValue() < min) {
      throw new ResearchSpecException(
          path + "." + key, "must be an integer >= " + min + ", was " + v.intValue());
    }
    return v.intValue();
  }

  static double number(JsonNode node, String key, String path, double dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new ResearchSpecException(path + "." + key, "must be a number, was " + v);
    }
    return v.doubleValue();
  }

  static boolean bool(JsonNode node, String key, String path, boolean dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new ResearchSpecException(path + "." + key, "must be true or false, was " + v);
    }
    return v.booleanValue();
  }

  /** A mapping as a plain map (numbers as Integer/Long/Double, lists, strings). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonNode node) {
    return Json.MAPPER.convertValue(node, Map.class);
  }
}
