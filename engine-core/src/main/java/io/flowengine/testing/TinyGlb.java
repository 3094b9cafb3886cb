package io.flowengine.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes the smallest useful valid glTF 2.0 binary: one triangle whose size and colour follow a
 * seed, so fakes can answer with a real GLB. Stateless.
 */
final class TinyGlb {
  private static final int MAGIC = 0x46546C67; // "glTF"
  private static final int JSON_CHUNK = 0x4E4F534A;
  private static final int BIN_CHUNK = 0x004E4942;

  private TinyGlb() {}

  static boolean isGlb(byte[] bytes) {
    return bytes.length >= 12
        && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == MAGIC;
  }

  static byte[] triangle(long seed) {
    float size = 1 + Math.floorMod(seed, 10) / 10f;
    float[] positions = {0, 0, 0, size, 0, 0, 0, size, 0};
    float red = Math.floorMod(seed * 31, 256) / 255f;
    ByteBuffer bin = ByteBuffer.allocate(positions.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float p : positions) {
      bin.putFloat(p);
    }
    String json =
        String.format(
            Locale.ROOT,
            "{\"asset\":{\"version\":\"2.0\",\"generator\":\"flowengine-testing\"},"
                + "\"scene\":0,\"scenes\":[{\"nodes\":[0]}],\"nodes\":[{\"mesh\":0}],"
                + "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0},\"material\":0}]}],"
                + "\"materials\":[{\"pbrMetallicRoughness\":{\"baseColorFactor\":[%.4f,0.5,0.5,1]}}],"
                + "\"buffers\":[{\"byteLength\":36}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteOffset\":0,\"byteLength\":36,\"target\":34962}],"
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":3,\"type\":\"VEC3\","
                + "\"min\":[0,0,0],\"max\":[%s,%s,0]}]}",
            red,
            Float.toString(size),
            Float.toString(size));
    return glb(json.getBytes(StandardCharsets.UTF_8), bin.array());
  }

  private static byte[] glb(byte[] json, byte[] bin) {
    int jsonLength = pad(json.length);
    int binLength = pad(bin.length);
    int total = 12 + 8 + jsonLength + 8 + binLength;
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(MAGIC).putInt(2).putInt(total);
    out.putInt(jsonLength).putInt(JSON_CHUNK).put(json);
    for (int i = json.length; i < jsonLength; i++) {
      out.put((byte) ' ');
    }
    out.putInt(binLength).putInt(BIN_CHUNK).put(bin);
    return out.array();
  }

  private static int pad(int length) {
    return (length + 3) & ~3;
  }
}
