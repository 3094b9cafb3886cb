package io.flowengine.h2;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * One bound value of a journaled statement: its index, its kind and the value, as the statement was
 * given it. Content larger than {@link ContentTee#INLINE_LIMIT} is a file in the journal directory
 * ({@link Kind#CONTENT_FILE}, the value its name). Immutable.
 */
record JournalParameter(int index, Kind kind, @Nullable Object value, int sqlType) {
  /** How the value was bound, and so how replay binds it again. */
  enum Kind {
    NULL,
    STRING,
    LONG,
    INT,
    DOUBLE,
    BYTES,
    STRING_ARRAY,
    CONTENT_FILE
  }

  static JournalParameter of(int index, Kind kind, Object value) {
    return new JournalParameter(index, kind, value, Types.OTHER);
  }

  static JournalParameter nullOf(int index, int sqlType) {
    return new JournalParameter(index, Kind.NULL, null, sqlType);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(index);
    out.writeByte(kind.ordinal());
    Object v = value;
    switch (kind) {
      case NULL -> out.writeInt(sqlType);
      case STRING, CONTENT_FILE -> writeString(out, (String) requireValue(v));
      case LONG -> out.writeLong((Long) requireValue(v));
      case INT -> out.writeInt((Integer) requireValue(v));
      case DOUBLE -> out.writeDouble((Double) requireValue(v));
      case BYTES -> {
        byte[] bytes = (byte[]) requireValue(v);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      case STRING_ARRAY -> {
        String[] strings = (String[]) requireValue(v);
        out.writeInt(strings.length);
        for (String s : strings) {
          writeString(out, s);
        }
      }
    }
  }

  static JournalParameter read(DataInputStream in) throws IOException {
    int index = in.readInt();
    int ordinal = in.readUnsignedByte();
    if (ordinal >= Kind.values().length) {
      throw new IOException("unknown parameter kind " + ordinal);
    }
    Kind kind = Kind.values()[ordinal];
    return switch (kind) {
      case NULL -> nullOf(index, in.readInt());
      case STRING, CONTENT_FILE -> of(index, kind, readString(in));
      case LONG -> of(index, kind, in.readLong());
      case INT -> of(index, kind, in.readInt());
      case DOUBLE -> of(index, kind, in.readDouble());
      case BYTES -> of(index, kind, in.readNBytes(in.readInt()));
      case STRING_ARRAY -> {
        String[] strings = new String[in.readInt()];
        for (int i = 0; i < strings.length; i++) {
          strings[i] = readString(in);
        }
        yield of(index, kind, strings);
      }
    };
  }

  /** Binds the value to {@code statement} as it was bound when recorded. */
  void bind(PreparedStatement statement, Path journalDirectory) throws SQLException {
    Object v = value;
    switch (kind) {
      case NULL -> statement.setNull(index, sqlType);
      case STRING -> statement.setString(index, (String) requireValue(v));
      case LONG -> statement.setLong(index, (Long) requireValue(v));
      case INT -> statement.setInt(index, (Integer) requireValue(v));
      case DOUBLE -> statement.setDouble(index, (Double) requireValue(v));
      case BYTES -> statement.setBytes(index, (byte[]) requireValue(v));
      case STRING_ARRAY -> statement.setObject(index, requireValue(v), Types.ARRAY);
      case CONTENT_FILE -> {
        Path file = journalDirectory.resolve((String) requireValue(v));
        try {
          InputStream in = Files.newInputStream(file);
          statement.setBinaryStream(index, in, Files.size(file));
        } catch (IOException e) {
          throw new SQLException("could not read the journal's content file " + file, e);
        }
      }
    }
  }

  private static Object requireValue(@Nullable Object v) {
    if (v == null) {
      throw new IllegalStateException("a non-null parameter without a value");
    }
    return v;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
  }
}
