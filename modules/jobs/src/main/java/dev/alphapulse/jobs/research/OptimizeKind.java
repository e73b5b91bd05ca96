package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.research.optimize.SchedulerSpec;
import dev.alphapulse.research.optimize.Study;
import dev.alphapulse.research.optimize.StudySpec;
import dev.alphapulse.research.optimize.TrialEvaluator;
import dev.alphapulse.research.optimize.TrialOutcome;
import dev.alphapulse.research.optimize.TrialRecord;
import dev.alphapulse.research.optimize.TrialTask;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code type: optimize}: a study (search algorithm and scheduler over a search space) whose trials
 * are the job's chunks, round after round. The job's journal holds every finished trial, so a study
 * resumes after the loss of its coordinator's node without re-running any.
 */
final class OptimizeKind implements ResearchKind {
  private final JobSpec spec;
  private final StrategyDescriptor strategy;
  private final StudySpec study;

  OptimizeKind(JobSpec spec, StrategyDescriptor strategy, StudySpec study) {
    this.spec = spec;
    this.strategy = strategy;
    this.study = study;
  }

  @Override
  public ResearchDriver driver() {
    return new StudyDriver(study);
  }

  @Override
  public String execute(String task, Universe universe) {
    TrialTask t = Json.read(task, TrialTask.class);
    return Json.write(evaluator(universe).run(t));
  }

  /** Replays the outcomes (any order) into a fresh driver; its study holds every trial. */
  static Study replay(
      StudySpec study, SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures) {
    StudyDriver d = new StudyDriver(study);
    TreeSet<Integer> ids = new TreeSet<>(payloads.keySet());
    ids.addAll(failures.keySet());
    for (int id : ids) {
      if (id >= d.knownChunks()) {
        break; // outcomes of a round that is not known yet cannot exist; stop at the first gap
      }
      if (payloads.containsKey(id)) {
        d.completed(id, payloads.get(id));
      } else {
        d.failed(id, failures.get(id));
      }
    }
    return d.study();
  }

  @Override
  public ObjectNode assemble(
      SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures, Universe universe) {
    Study s = replay(study, payloads, failures);
    ObjectNode out = Json.object();
    out.put("type", "optimize");
    out.put("strategy", spec.strategy());
    out.put("metric", study.metric());
    out.put("mode", study.mode().name().toLowerCase(java.util.Locale.ROOT));
    out.put("algorithm", study.searcher().name());
    out.put("scheduler", study.scheduler().name());
    out.put("numSamples", study.numSamples());
    out.put("batchSize", study.batchSize());
    out.put("finished", s.isFinished());
    ArrayNode trials = out.putArray("trials");
    for (TrialRecord t : s.trials()) {
      trials.add(trial(t));
    }
    s.bestTrial().ifPresentOrElse(b -> out.set("best", trial(b)), () -> out.putNull("best"));
    if (study.scheduler() instanceof SchedulerSpec.Pbt) {
      out.set("pbt", Json.MAPPER.valueToTree(s.pbtReport()));
    }
    out.set("overfitting", overfitting(s.trials(), universe));
    return out;
  }

  private TrialEvaluator evaluator(Universe universe) {
    return new TrialEvaluator(
        universe, strategy, spec.backtest().toConfig(), ChunkExecutor.CONVENTION);
  }

  /** DSR and PBO over the trials' full-history returns (each trial's last parameters). */
  private ObjectNode overfitting(List<TrialRecord> trials, Universe universe) {
    TrialEvaluator ev = evaluator(universe);
    List<double[]> returns = new ArrayList<>();
    for (TrialRecord t : trials) {
      if (returns.size() >= Overfitting.MAX_TRIALS) {
        break;
      }
      TrialOutcome o = ev.run(new TrialTask(t.trialId(), 0, t.params(), 0, 1, true));
      if (o.failure().isEmpty() && o.equity() != null) {
        returns.add(
            Overfitting.returns(o.equity().stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return Overfitting.of(returns, trials.size());
  }

  static ObjectNode trial(TrialRecord t) {
    ObjectNode n = Json.object();
    n.put("trialId", t.trialId());
    n.set("params", Json.MAPPER.valueToTree(t.params()));
    n.put("status", t.status().name());
    n.put("budget", t.budgetReached());
    n.put("stoppedEarly", t.stoppedEarly());
    n.put("objective", t.objective());
    n.put("steps", t.steps().size());
    n.set("metrics", Json.MAPPER.valueToTree(t.metrics()));
    return n;
  }
}
