package io.flowengine.h2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The write statements of one committed transaction, in the order they ran, as the journal stores
 * them: each statement's SQL with one list of bound values per execution (one for a plain execute,
 * one per entry of a batch). Immutable.
 */
record JournalTransaction(List<Statement> statements) {
  /** One statement and the bound values of each of its executions. */
  record Statement(String sql, List<List<JournalParameter>> executions) {
    Statement {
      executions = List.copyOf(executions);
    }
  }

  JournalTransaction {
    statements = List.copyOf(statements);
  }

  /** Returns the names of the content files the transaction's values refer to. */
  List<String> contentFiles() {
    List<String> files = new ArrayList<>();
    for (Statement statement : statements) {
      for (List<JournalParameter> execution : statement.executions()) {
        for (JournalParameter p : execution) {
          if (p.kind() == JournalParameter.Kind.CONTENT_FILE && p.value() != null) {
            files.add((String) p.value());
          }
        }
      }
    }
    return files;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(statements.size());
      for (Statement statement : statements) {
        byte[] sql = statement.sql().getBytes(StandardCharsets.UTF_8);
        out.writeInt(sql.length);
        out.write(sql);
        out.writeInt(statement.executions().size());
        for (List<JournalParameter> execution : statement.executions()) {
          out.writeInt(execution.size());
          for (JournalParameter p : execution) {
            p.write(out);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a payload that {@link #encode} wrote.
   *
   * @throws IOException if it is not one
   */
  static JournalTransaction decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    int count = in.readInt();
    List<Statement> statements = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      String sql = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
      int executions = in.readInt();
      List<List<JournalParameter>> all = new ArrayList<>(executions);
      for (int e = 0; e < executions; e++) {
        int parameters = in.readInt();
        List<JournalParameter> execution = new ArrayList<>(parameters);
        for (int p = 0; p < parameters; p++) {
          execution.add(JournalParameter.read(in));
        }
        all.add(execution);
      }
      statements.add(new Statement(sql, all));
    }
    return new JournalTransaction(statements);
  }
}
