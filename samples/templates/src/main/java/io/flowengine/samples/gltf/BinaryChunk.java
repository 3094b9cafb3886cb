package io.flowengine.samples.gltf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary chunk of a GLB being written: a list of little-endian blocks, each starting at a
 * 4-byte aligned offset. Not thread-safe.
 */
final class BinaryChunk {
  private final List<ByteBuffer> blocks = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  private long size;

  int floats(float[] data) {
    ByteBuffer block = allocate(data.length * 4L);
    block.asFloatBuffer().put(data);
    return add(block);
  }

  int ints(int[] data) {
    ByteBuffer block = allocate(data.length * 4L);
    block.asIntBuffer().put(data);
    return add(block);
  }

  int shorts(int[] data) {
    ByteBuffer block = allocate(data.length * 2L);
    for (int value : data) {
      block.putShort((short) value);
    }
    block.clear();
    return add(block);
  }

  int bytes(byte[] data) {
    ByteBuffer block = allocate(data.length);
    block.put(data).clear();
    return add(block);
  }

  int offsetOf(int block) {
    return offsets.get(block);
  }

  int size() {
    return (int) size;
  }

  void copyTo(ByteBuffer out) {
    for (ByteBuffer block : blocks) {
      out.put(block.duplicate().clear());
    }
  }

  private static ByteBuffer allocate(long length) {
    long padded = (length + 3) & ~3L;
    if (padded > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("a GLB block of " + length + " bytes is over 2 GiB");
    }
    return ByteBuffer.allocate((int) padded).order(ByteOrder.LITTLE_ENDIAN);
  }

  private int add(ByteBuffer block) {
    long start = size;
    size += block.capacity();
    if (size > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("GLB binary data over 2 GiB");
    }
    blocks.add(block);
    offsets.add((int) start);
    return blocks.size() - 1;
  }
}
