package dev.alphapulse.engine.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A named strategy with its declared parameters and a factory: what the registry, the CLI, sweeps
 * and searches work with.
 *
 * @param name the name used on the command line and in job files (e.g. {@code sma-cross})
 * @param description one line for help texts
 * @param params declared parameters, in display order
 * @param constraints cross-parameter rules (e.g. fast &lt; slow), each with its message
 * @param factory creates a fresh strategy for one backtest from validated parameters
 * @param multiSymbol whether the strategy trades a whole universe at once (e.g. a rotation); a
 *     single-symbol strategy run on several symbols is run once per symbol
 */
public record StrategyDescriptor(
    String name,
    String description,
    List<ParamSpec> params,
    List<Constraint> constraints,
    Function<Params, Strategy> factory,
    boolean multiSymbol) {

  /** A rule over several parameters; {@code message} says what must hold. */
  public record Constraint(String message, Predicate<Params> holds) {
    public Constraint {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(holds, "holds");
    }
  }

  /** A single-symbol strategy. */
  public StrategyDescriptor(
      String name,
      String description,
      List<ParamSpec> params,
      List<Constraint> constraints,
      Function<Params, Strategy> factory) {
    this(name, description, params, constraints, factory, false);
  }

  public StrategyDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
    params = List.copyOf(params);
    constraints = List.copyOf(constraints);
    description = description == null ? "" : description;
    if (params.stream().map(ParamSpec::name).distinct().count() != params.size()) {
      throw new IllegalArgumentException("strategy " + name + " declares a parameter twice");
    }
  }

  /** The declared parameter of that name. */
  public ParamSpec param(String paramName) {
    return params.stream()
        .filter(p -> p.name().equals(paramName))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown parameter '"
                        + paramName
                        + "' for strategy "
                        + name
                        + "; known: "
                        + paramNames()));
  }

  /** Declared parameter names, comma separated. */
  public String paramNames() {
    return params.stream().map(ParamSpec::name).collect(Collectors.joining(", "));
  }

  /**
   * Validates raw values (unknown names, types, bounds, constraints) and fills in defaults.
   *
   * @throws IllegalArgumentException naming the strategy, the parameter and the bad value
   */
  public Params resolve(Map<String, ? extends Number> raw) {
    Map<String, Number> values = new TreeMap<>();
    for (Map.Entry<String, ? extends Number> e : raw.entrySet()) {
      values.put(e.getKey(), param(e.getKey()).validate(e.getValue()));
    }
    for (ParamSpec p : params) {
      values.computeIfAbsent(p.name(), k -> p.validate(p.defaultValue()));
    }
    Params resolved = new Params(values);
    for (Constraint c : constraints) {
      if (!c.holds().test(resolved)) {
        throw new IllegalArgumentException(
            "strategy " + name + ": " + c.message() + " (got " + resolved + ")");
      }
    }
    return resolved;
  }

  /** The defaults of all parameters. */
  public Params defaults() {
    return resolve(Map.of());
  }

  /** A new strategy from raw values (validated). */
  public Strategy create(Map<String, ? extends Number> raw) {
    return factory.apply(resolve(raw));
  }

  /** A new strategy from already-resolved parameters. */
  public Strategy create(Params resolved) {
    return factory.apply(resolved);
  }

  /** Parameter names with their type and bounds, for help texts. */
  public Map<String, String> paramHelp() {
    Map<String, String> m = new LinkedHashMap<>();
    for (ParamSpec p : params) {
      m.put(
          p.name(),
          p.type()
              + " in ["
              + fmt(p, p.min())
              + ", "
              + fmt(p, p.max())
              + "], default "
              + fmt(p, p.defaultValue())
              + (p.description().isEmpty() ? "" : ": " + p.description()));
    }
    return m;
  }

  private static String fmt(ParamSpec p, double v) {
    return p.type() == ParamType.INT ? Long.toString((long) v) : Double.toString(v);
  }
}
