package io.flowengine.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes ids of 24 lowercase hex characters in the shape of a MongoDB ObjectId: 4 bytes of epoch
 * seconds, 5 random bytes fixed per generator, and a 3-byte counter that starts at a random value.
 * Ids sort by creation second, and are unique within a generator and, with overwhelming
 * probability, across processes. Thread-safe and lock-free.
 */
final class IdGenerator {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final long processBytes; // 40 bits
  private final AtomicInteger counter;

  /** Creates a generator with fresh random process bytes and counter start. */
  IdGenerator() {
    SecureRandom random = new SecureRandom();
    this.processBytes = random.nextLong() & 0xff_ffff_ffffL;
    this.counter = new AtomicInteger(random.nextInt());
  }

  /** Returns a new id for something created at {@code now}. */
  String next(Instant now) {
    long seconds = now.getEpochSecond() & 0xffff_ffffL;
    int count = counter.getAndIncrement() & 0xff_ffff;
    char[] out = new char[24];
    write(out, 0, seconds, 8);
    write(out, 8, processBytes, 10);
    write(out, 18, count, 6);
    return new String(out);
  }

  private static void write(char[] out, int offset, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[offset + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /** Returns whether {@code id} has the form of a generated id. */
  static boolean isWellFormed(String id) {
    if (id.length() != 24) {
      return false;
    }
    for (int i = 0; i < 24; i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
