package dev.alphapulse.app.clusterbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads, grouped by thread name (trailing numbers dropped, so that the
 * threads of one pool form one group), read from Linux's {@code /proc/PID/task/TID/stat}, and how
 * often each thread was preempted (switched out while it could still run: {@code
 * nonvoluntary_ctxt_switches} in {@code /proc/PID/task/TID/status}). A diagnostic of where a
 * benchmark's CPU goes beyond the computing threads (dispatchers, JIT compilers, garbage collector)
 * and of how often the others take a computing thread's core; empty where {@code /proc} is not
 * available.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  /** Clock ticks per second of {@code /proc}'s times ({@code USER_HZ}, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  /**
   * Seconds of CPU (user and system) and preemptions per thread id, with the thread's group name.
   */
  record Sample(Map<Long, String> names, Map<Long, Double> seconds, Map<Long, Long> preemptions) {
    /** CPU seconds per group used between {@code before} and this sample. */
    Map<String, Double> since(Sample before) {
      Map<String, Double> groups = new TreeMap<>();
      seconds.forEach(
          (tid, s) ->
              groups.merge(names.get(tid), s - before.seconds.getOrDefault(tid, 0.0), Double::sum));
      groups.values().removeIf(v -> v < 0.005);
      return groups;
    }

    /** Preemptions per group between {@code before} and this sample. */
    Map<String, Long> preemptionsSince(Sample before) {
      Map<String, Long> groups = new TreeMap<>();
      preemptions.forEach(
          (tid, n) ->
              groups.merge(
                  names.get(tid), n - before.preemptions.getOrDefault(tid, 0L), Long::sum));
      return groups;
    }
  }

  /** The threads of process {@code pid} now; empty if they cannot be read. */
  static Sample of(long pid) {
    Map<Long, String> names = new HashMap<>();
    Map<Long, Double> seconds = new HashMap<>();
    Map<Long, Long> preemptions = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (Stream<Path> threads = Files.list(tasks)) {
      threads.forEach(
          t -> {
            try {
              String stat = Files.readString(t.resolve("stat"));
              int open = stat.indexOf('(');
              int close = stat.lastIndexOf(')');
              String[] rest = stat.substring(close + 2).split(" ");
              // after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based)
              double ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
              long tid = Long.parseLong(t.getFileName().toString());
              names.put(tid, group(stat.substring(open + 1, close)));
              seconds.put(tid, ticks / TICKS_PER_SECOND);
              preemptions.put(tid, preemptions(t));
            } catch (IOException | RuntimeException e) {
              // the thread ended meanwhile
            }
          });
    } catch (IOException | RuntimeException e) {
      // no /proc here
    }
    return new Sample(names, seconds, preemptions);
  }

  private static long preemptions(Path task) throws IOException {
    try (Stream<String> lines = Files.lines(task.resolve("status"))) {
      return lines
          .filter(l -> l.startsWith("nonvoluntary_ctxt_switches:"))
          .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim()))
          .findFirst()
          .orElse(0);
    }
  }

  /**
   * A thread name without its trailing pool index ({@code "GC Thread#1"} -> {@code "GC Thread"}).
   */
  static String group(String name) {
    return name.replaceAll("[-#]?\\d+$", "");
  }
}
