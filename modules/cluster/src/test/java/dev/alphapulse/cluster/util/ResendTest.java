package dev.alphapulse.cluster.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A real actor that loses requests, asked through {@link Resend}. */
class ResendTest {
  private static final ActorTestKit kit = ActorTestKit.create();

  record Question(int n, ActorRef<String> replyTo) {}

  /** Drops the first {@code lost} questions, answers the others with their number. */
  private static Behavior<Question> losing(int lost, List<Integer> seen) {
    return Behaviors.receive(Question.class)
        .onMessage(
            Question.class,
            q -> {
              seen.add(q.n());
              if (seen.size() > lost) {
                q.replyTo().tell("answer to " + q.n());
              }
              return Behaviors.same();
            })
        .build();
  }

  private static java.util.concurrent.CompletableFuture<String> ask(
      ActorRef<Question> target, Duration every, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    return Resend.untilAnswered(
        t ->
            AskPattern.<Question, String>ask(
                target, replyTo -> new Question(n.incrementAndGet(), replyTo), t, kit.scheduler()),
        every,
        timeout,
        kit.scheduler(),
        kit.system().executionContext());
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void a_lost_request_is_sent_again_and_the_second_answer_counts() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    ActorRef<Question> target = kit.spawn(losing(1, seen));
    String answer =
        ask(target, Duration.ofMillis(200), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
    assertThat(answer).isEqualTo("answer to 2");
    assertThat(seen).containsExactly(1, 2);
  }

  @Test
  void an_answered_request_is_not_sent_again() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    ActorRef<Question> target = kit.spawn(losing(0, seen));
    assertThat(ask(target, Duration.ofMillis(100), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
        .isEqualTo("answer to 1");
    Thread.sleep(400);
    assertThat(seen).containsExactly(1);
  }

  @Test
  void a_request_never_answered_fails_with_the_time_out_after_every_attempt() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    ActorRef<Question> target = kit.spawn(losing(Integer.MAX_VALUE, seen));
    assertThatThrownBy(
            () ->
                ask(target, Duration.ofMillis(100), Duration.ofSeconds(1)).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    // about every 100 ms, less often if the scheduler is late, and never after the deadline
    assertThat(seen).hasSizeBetween(3, 10).startsWith(1, 2, 3);
  }

  @Test
  void bad_intervals_are_refused() {
    assertThatThrownBy(
            () ->
                Resend.untilAnswered(
                    t -> null,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    kit.scheduler(),
                    kit.system().executionContext()))
        .hasMessageContaining("every");
  }
}
