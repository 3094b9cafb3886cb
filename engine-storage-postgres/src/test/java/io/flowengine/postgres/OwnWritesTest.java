package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.StorageException;
import io.flowengine.spi.FlowRecord;
import io.flowengine.tck.TestFlows;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What the rows a storage wrote itself remember: the newest committed row of each flow, never an
 * older one heard later, and nothing (ask the database) after a failed or lost write or a delete.
 */
@SuppressWarnings("FutureReturnValueIgnored") // the futures are complete: nothing to wait for
class OwnWritesTest {
  private final OwnWrites own = new OwnWrites();
  private final TestFlows flows = new TestFlows();

  @Test
  void aCommittedWrite_isFound_onlyOnceItIsAcknowledged() {
    FlowRecord created = flows.created();
    CompletableFuture<Void> insert = new CompletableFuture<>();
    CompletableFuture<Void> heard = own.written(insert, created);
    assertThat(own.find(created.id())).isEmpty();
    insert.complete(null);
    assertThat(heard).isDone();
    assertThat(own.find(created.id())).contains(created);
  }

  @Test
  void anOlderRowHeardLater_doesNotReplaceANewerOne() {
    FlowRecord v0 = flows.created();
    FlowRecord v1 = v0.withProgress(0.25);
    FlowRecord v2 = v1.withProgress(0.5);
    own.written(CompletableFuture.completedFuture(true), v2);
    own.written(CompletableFuture.completedFuture(true), v1);
    assertThat(own.find(v0.id())).contains(v2);
  }

  @Test
  void aLostCompareAndSet_aFailedWrite_andADelete_makeTheFlowUnknown() {
    FlowRecord v0 = flows.created();
    FlowRecord v1 = v0.withProgress(0.25);
    own.written(CompletableFuture.completedFuture(null), v0);
    own.written(CompletableFuture.completedFuture(false), v1);
    assertThat(own.find(v0.id())).as("lost").isEmpty();

    FlowRecord w0 = flows.created();
    FlowRecord w1 = w0.withProgress(0.25);
    own.written(CompletableFuture.completedFuture(null), w0);
    own.written(CompletableFuture.failedFuture(new StorageException("connection broke")), w1);
    assertThat(own.find(w0.id())).as("failed: maybe committed, maybe not").isEmpty();
    own.written(CompletableFuture.completedFuture(null), w0);
    assertThat(own.find(w0.id())).as("an older row after not knowing").isEmpty();

    FlowRecord x0 = flows.created();
    own.written(CompletableFuture.completedFuture(null), x0);
    own.deleted(CompletableFuture.completedFuture(true), x0);
    assertThat(own.find(x0.id())).as("deleted").isEmpty();
    own.written(CompletableFuture.completedFuture(null), x0);
    assertThat(own.find(x0.id())).as("re-inserted at the deleted version: unknown").isEmpty();
  }
}
