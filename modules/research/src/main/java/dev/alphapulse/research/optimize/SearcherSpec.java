package dev.alphapulse.research.optimize;

/**
 * Which search algorithm a study uses, with its settings; {@link #create} builds the {@link
 * Searcher}. Semantics in {@code docs/research-optimize.md}.
 */
public sealed interface SearcherSpec
    permits SearcherSpec.Grid, SearcherSpec.Random, SearcherSpec.Tpe, SearcherSpec.CmaEs {

  /** A new searcher over {@code space} whose every random choice derives from {@code seed}. */
  Searcher create(ParameterSpace space, long seed);

  /**
   * The algorithm's name in job files: {@code grid}, {@code random}, {@code tpe}, {@code cma-es}.
   */
  String name();

  /**
   * The cartesian product of {@code grid}, {@code choice}, fixed, {@code randint}, {@code quniform}
   * and integer {@code lograndint} values, first parameter slowest; {@code uniform} and real {@code
   * loguniform} are rejected.
   */
  record Grid() implements SearcherSpec {
    @Override
    public Searcher create(ParameterSpace space, long seed) {
      return new GridSearcher(space);
    }

    @Override
    public String name() {
      return "grid";
    }
  }

  /** Independent draws from every domain. */
  record Random() implements SearcherSpec {
    @Override
    public Searcher create(ParameterSpace space, long seed) {
      return new RandomSearcher(space, seed);
    }

    @Override
    public String name() {
      return "random";
    }
  }

  /**
   * Tree-structured Parzen estimator (Bergstra et al. 2011, as Optuna's univariate {@code
   * TPESampler}).
   *
   * @param startupTrials random trials before the model is used, {@code >= 1} (Optuna: 10)
   * @param eiCandidates draws from the good density per parameter to pick from, {@code >= 1}
   *     (Optuna: 24)
   * @param gamma fraction of told trials that form the good group, in (0, 1), at least 1 and at
   *     most 25 trials (Optuna: 0.1)
   */
  record Tpe(int startupTrials, int eiCandidates, double gamma) implements SearcherSpec {
    public Tpe {
      if (startupTrials < 1) {
        throw new ResearchSpecException(
            "searcher.startup-trials", "must be >= 1, was " + startupTrials);
      }
      if (eiCandidates < 1) {
        throw new ResearchSpecException(
            "searcher.ei-candidates", "must be >= 1, was " + eiCandidates);
      }
      if (!(gamma > 0 && gamma < 1)) {
        throw new ResearchSpecException("searcher.gamma", "must be in (0, 1), was " + gamma);
      }
    }

    /** Optuna's defaults: 10 startup trials, 24 candidates, gamma 0.1. */
    public static Tpe defaults() {
      return new Tpe(10, 24, 0.1);
    }

    @Override
    public Searcher create(ParameterSpace space, long seed) {
      return new TpeSearcher(space, seed, this);
    }

    @Override
    public String name() {
      return "tpe";
    }
  }

  /**
   * CMA-ES (Hansen's tutorial, {@code purecma}) on the unit cube the space is mapped to.
   *
   * @param populationSize lambda, {@code >= 2}, or 0 for {@code 4 + floor(3 ln d)}
   * @param sigma0 initial step size in unit-cube coordinates, in (0, 1] (Optuna uses about 1/6 of
   *     the range; default 0.3)
   */
  record CmaEs(int populationSize, double sigma0) implements SearcherSpec {
    public CmaEs {
      if (populationSize != 0 && populationSize < 2) {
        throw new ResearchSpecException(
            "searcher.population-size", "must be >= 2 or 0 (default), was " + populationSize);
      }
      if (!(sigma0 > 0 && sigma0 <= 1)) {
        throw new ResearchSpecException("searcher.sigma0", "must be in (0, 1], was " + sigma0);
      }
    }

    /** Default population, sigma0 0.3. */
    public static CmaEs defaults() {
      return new CmaEs(0, 0.3);
    }

    @Override
    public Searcher create(ParameterSpace space, long seed) {
      return new CmaEsSearcher(space, seed, this);
    }

    @Override
    public String name() {
      return "cma-es";
    }
  }
}
