package dev.alphapulse.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseBookTest {
  private static final long LEASE = 1_000;

  @Test
  void leases_lowest_pending_chunks_up_to_the_free_slots() {
    LeaseBook<String> book = new LeaseBook<>(List.of(4, 1, 7, 2));
    var leases = book.lease(3, "a", id -> 1, 0, LEASE);
    assertThat(leases).extracting(LeaseBook.Lease::chunkId).containsExactly(1, 2, 4);
    assertThat(book.pendingCount()).isEqualTo(1);
    assertThat(book.leasedCount()).isEqualTo(3);
    assertThat(book.lease(5, "b", id -> 2, 0, LEASE))
        .extracting(LeaseBook.Lease::attempt)
        .containsExactly(2);
    assertThat(book.hasPending()).isFalse();
  }

  @Test
  void a_gone_pool_gives_back_only_its_own_leases() {
    LeaseBook<String> book = new LeaseBook<>(List.of(0, 1, 2, 3));
    book.lease(2, "a", id -> 1, 0, LEASE);
    book.lease(2, "b", id -> 1, 0, LEASE);
    assertThat(book.requeue("a")).containsExactlyInAnyOrder(0, 1);
    assertThat(book.anyLeasedTo("a")).isFalse();
    assertThat(book.anyLeasedTo("b")).isTrue();
    assertThat(book.lease(10, "c", id -> 1, 0, LEASE))
        .extracting(LeaseBook.Lease::chunkId)
        .containsExactly(0, 1);
  }

  @Test
  void expired_leases_return_to_pending() {
    LeaseBook<String> book = new LeaseBook<>(List.of(0, 1));
    book.lease(1, "a", id -> 1, 0, LEASE);
    book.lease(1, "a", id -> 1, 500, LEASE);
    assertThat(book.expire(1_200)).containsExactly(0);
    assertThat(book.pendingCount()).isEqualTo(1);
    assertThat(book.leasedCount()).isEqualTo(1);
  }

  @Test
  void retries_wait_outside_pending_until_due_and_outcomes_remove_chunks() {
    LeaseBook<String> book = new LeaseBook<>(List.of(0, 1));
    book.lease(2, "a", id -> 1, 0, LEASE);
    assertThat(book.holds(0, 1, "a")).isTrue();
    assertThat(book.holds(0, 2, "a")).isFalse();
    assertThat(book.holds(0, 1, "b")).isFalse();
    book.awaitRetry(0);
    assertThat(book.hasPending()).isFalse();
    assertThat(book.waitingRetryCount()).isEqualTo(1);
    assertThat(book.retryDue(0)).isTrue();
    assertThat(book.retryDue(0)).isFalse();
    book.complete(0);
    book.complete(1);
    assertThat(book.pendingCount() + book.leasedCount() + book.waitingRetryCount()).isZero();
  }
}
