package io.flowengine.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a batch's runs with as few round trips as {@link FlowStatements#writeAll} allows: the
 * consecutive runs of different flows go out together, and a run that needs statements of its own
 * (work, a run that ends by deleting the row it wrote) or a second run of a flow already in the
 * group first sends the group, so each flow's runs still execute in queue order and a run that
 * depends on an earlier one is decided after it. Any failure is thrown: the caller rolls back and
 * writes the batch one statement at a time, which finds the failing change. Stateless.
 */
final class RunPipeline {
  /** Executes a run on its own; returns the statements it executed. */
  @FunctionalInterface
  interface SingleRun {
    int execute(Run run) throws SQLException;
  }

  private RunPipeline() {}

  /** Executes and decides every run (provisionally, until the commit); returns the statements. */
  static int execute(List<Run> runs, FlowStatements statements, SingleRun single)
      throws SQLException {
    int executed = 0;
    List<Run> group = new ArrayList<>();
    Set<String> flows = new HashSet<>();
    for (Run run : runs) {
      PendingChange first = run.first();
      boolean together = sendsTogether(run);
      if (!together || !flows.add(Objects.requireNonNull(first.flowId))) {
        executed += send(group, statements);
        flows.clear();
        if (!together) {
          executed += single.execute(run);
          continue;
        }
        flows.add(first.flowId);
      }
      PendingChange before = first.dependsOn;
      if (before != null && !Boolean.TRUE.equals(before.succeeded)) {
        run.decide(false); // it expects a record that was never written
        continue;
      }
      group.add(run);
    }
    return executed + send(group, statements);
  }

  /** Whether a run is one insert, compare-and-set or delete: one row write. */
  private static boolean sendsTogether(Run run) {
    PendingChange.Kind kind = run.first().kind;
    return kind != PendingChange.Kind.WORK
        && (kind == PendingChange.Kind.DELETE || !run.endsWithDelete());
  }

  private static int send(List<Run> group, FlowStatements statements) throws SQLException {
    if (group.isEmpty()) {
      return 0;
    }
    List<FlowWrite> writes = new ArrayList<>(group.size());
    for (Run run : group) {
      PendingChange first = run.first();
      writes.add(
          switch (first.kind) {
            case INSERT -> new FlowWrite(FlowWrite.Kind.INSERT, null, run.finalRecord());
            case UPDATE ->
                new FlowWrite(FlowWrite.Kind.COMPARE_AND_SET, first.expected(), run.finalRecord());
            case DELETE -> new FlowWrite(FlowWrite.Kind.DELETE, first.expected(), null);
            case WORK -> throw new AssertionError("work is executed on its own");
          });
    }
    boolean[] changed = statements.writeAll(writes);
    for (int i = 0; i < changed.length; i++) {
      group.get(i).decide(changed[i]);
    }
    int sent = group.size();
    group.clear();
    return sent;
  }
}
