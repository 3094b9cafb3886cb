package io.flowengine.h2;

import io.flowengine.jdbc.ParameterCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child process of {@link OlderH2FileTest}: writes a database file in {@code args[0]} with
 * whatever H2 release is on its class path (the previous one), the way this storage lays it out
 * (schema version 1), holding one flow row with the id {@code args[1]}. Plain JDBC only, so it
 * needs nothing of H2 beyond its driver.
 */
public final class OldH2FileWriter {
  private OldH2FileWriter() {}

  /** Arguments: database directory, flow id. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    try (Connection c = DriverManager.getConnection(H2Storage.jdbcUrl(dir));
        Statement s = c.createStatement()) {
      for (String sql : SchemaV1.STATEMENTS) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE FLOWENGINE_SCHEMA (VERSION INT NOT NULL)");
      s.execute("INSERT INTO FLOWENGINE_SCHEMA (VERSION) VALUES (1)");
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO FLOWS (ID, TEMPLATE_ID, TEMPLATE_NAME, STATE, PROGRESS, PARAMETERS,"
                  + " INPUT_IDS, CREATED_US, VERSION) VALUES (?, 'tid', 'echo', 0, 0, ?, ARRAY[],"
                  + " 1767225600000000, 0)")) {
        insert.setString(1, args[1]);
        insert.setBytes(2, ParameterCodec.encode(io.flowengine.Parameters.empty()));
        insert.executeUpdate();
      }
      System.out.println("written by H2 " + org.h2.engine.Constants.FULL_VERSION);
    }
  }
}
