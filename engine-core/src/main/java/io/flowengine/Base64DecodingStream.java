package io.flowengine;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Decodes the base64 payload of a string chunk by chunk, so a large data URI is never decoded into
 * one array. Strict: characters outside the base64 alphabet, including whitespace, end the stream
 * with an {@link io.flowengine.InvalidRequestException}. The caller checked length and padding
 * ({@link DataUri#parse}). Not thread-safe.
 */
final class Base64DecodingStream extends InputStream {
  private static final int CHUNK_CHARS = 16 * 1024;

  private final String source;
  private final Base64.Decoder decoder = Base64.getDecoder();
  private final byte[] decoded; // one chunk's worth, or the whole payload when it is smaller
  private final int payloadStart;
  private int next;
  private int decodedPos;
  private int decodedEnd;

  Base64DecodingStream(String source, int payloadStart, long decodedSize) {
    this.decoded = new byte[(int) Math.min(CHUNK_CHARS / 4 * 3, decodedSize)];
    this.source = source;
    this.payloadStart = payloadStart;
    this.next = payloadStart;
  }

  @Override
  public int read() {
    if (decodedPos == decodedEnd && !fill()) {
      return -1;
    }
    return decoded[decodedPos++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (decodedPos == decodedEnd) {
      if (offset == 0 && length >= decoded.length) {
        // the decoder writes from index 0: a whole chunk can go straight to the caller
        int n = decodeChunk(buffer);
        if (n != 0) {
          return n;
        }
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, decodedEnd - decodedPos);
    System.arraycopy(decoded, decodedPos, buffer, offset, n);
    decodedPos += n;
    return n;
  }

  @Override
  public int available() {
    return decodedEnd - decodedPos;
  }

  private boolean fill() {
    int n;
    while ((n = decodeChunk(decoded)) == 0) {
      // an empty chunk cannot happen for a payload checked by DataUri.parse; loop defensively
    }
    decodedPos = 0;
    decodedEnd = Math.max(n, 0);
    return n > 0;
  }

  /**
   * Decodes the next chunk into {@code target} from index 0; returns its size, or -1 at the end.
   */
  private int decodeChunk(byte[] target) {
    int remaining = source.length() - next;
    if (remaining == 0) {
      return -1;
    }
    int count = Math.min(remaining, CHUNK_CHARS);
    int start = next;
    next += count;
    // Non-ASCII characters become '?', which the decoder rejects like any other non-base64 byte.
    byte[] encoded = source.substring(start, start + count).getBytes(StandardCharsets.US_ASCII);
    if (next < source.length() && encoded[count - 1] == '=') {
      // the decoder sees one chunk at a time: padding that ends a chunk must end the payload
      throw DataUri.invalid("base64 padding '=' at payload position " + (next - 1 - payloadStart));
    }
    try {
      return decoder.decode(encoded, target);
    } catch (IllegalArgumentException e) {
      throw DataUri.invalid(
          "bad base64 in the payload chunk starting at character "
              + (start - payloadStart)
              + ": "
              + e.getMessage());
    }
  }
}
