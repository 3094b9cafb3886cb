package io.flowengine.jdbc;

import io.flowengine.Parameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes {@link Parameters} as the bytes of a flow row's parameters column and back, exactly, in
 * one format for every SQL store: names and values in order, each value tagged with its type
 * (string, long, double, boolean). Stateless.
 */
public final class ParameterCodec {
  private static final byte FORMAT = 1;

  private ParameterCodec() {}

  /** Returns the bytes that {@link #decode} turns back into {@code parameters}. */
  public static byte[] encode(Parameters parameters) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(parameters.values().size());
      for (Map.Entry<String, Object> entry : parameters.values().entrySet()) {
        writeString(out, entry.getKey());
        switch (entry.getValue()) {
          case String s -> {
            out.writeByte('S');
            writeString(out, s);
          }
          case Long l -> {
            out.writeByte('L');
            out.writeLong(l);
          }
          case Double d -> {
            out.writeByte('D');
            out.writeLong(Double.doubleToRawLongBits(d));
          }
          case Boolean b -> {
            out.writeByte('B');
            out.writeBoolean(b);
          }
          default -> throw new IllegalArgumentException("unsupported value " + entry.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes parameters.
   *
   * @throws IllegalArgumentException if the bytes are not parameters this codec wrote
   */
  public static Parameters decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown parameter format " + format);
      }
      int count = in.readInt();
      if (count < 0 || count > encoded.length) {
        throw new IllegalArgumentException("bad parameter count " + count);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = readString(in);
        byte type = in.readByte();
        Object value =
            switch (type) {
              case 'S' -> readString(in);
              case 'L' -> in.readLong();
              case 'D' -> Double.longBitsToDouble(in.readLong());
              case 'B' -> in.readBoolean();
              default -> throw new IllegalArgumentException("unknown parameter type tag " + type);
            };
        values.put(name, value);
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException(in.available() + " bytes after the parameters");
      }
      return new Parameters(values);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated parameters", e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad string length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
