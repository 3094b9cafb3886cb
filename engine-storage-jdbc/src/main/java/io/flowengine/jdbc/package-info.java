/**
 * What the SQL stores share, for their use only (not an application API): {@link
 * io.flowengine.jdbc.GroupCommit}, a bounded queue of flow changes that one writer thread drains
 * into one transaction and one commit per batch, coalescing the changes of one flow, and
 * acknowledging each change with its own result or its own error. What differs between databases
 * (the SQL, the binding of a row, which errors mean what) is behind {@link
 * io.flowengine.jdbc.FlowSql}. Nothing in this package may be null unless it is annotated
 * {@code @Nullable}.
 */
@NullMarked
package io.flowengine.jdbc;

import org.jspecify.annotations.NullMarked;
