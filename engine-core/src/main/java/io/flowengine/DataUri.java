package io.flowengine;

import java.io.InputStream;
import java.util.Locale;

/**
 * A parsed {@code data:<media type>[;param=value]*;base64,<payload>} URI whose header has been
 * checked. The payload is decoded lazily by {@link #openDecoded()}, which also refuses characters
 * outside the base64 alphabet and padding before the end; its length was already checked to be a
 * whole number of base64 quanta, so the decoded size is known up front. Immutable and thread-safe.
 *
 * @param source the whole URI
 * @param mediaType the normalized media type ({@code text/plain} when the URI names none)
 * @param payloadStart the index of the first payload character
 * @param decodedSize the number of bytes the payload decodes to
 */
record DataUri(String source, String mediaType, int payloadStart, long decodedSize) {
  static final String FIELD = "data";
  private static final int MAX_HEADER_LENGTH = 512;
  private static final String PREFIX = "data:";
  private static final String BASE64 = ";base64";

  /** Returns whether {@code value} starts with the {@code data:} scheme (any case). */
  static boolean looksLikeDataUri(String value) {
    return value.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses the header and checks the payload's length and padding.
   *
   * @throws InvalidRequestException if the URI is not a valid base64 data URI
   */
  static DataUri parse(String uri) {
    if (!looksLikeDataUri(uri)) {
      throw invalid("must start with 'data:'");
    }
    int comma = uri.indexOf(',');
    if (comma < 0 || comma > MAX_HEADER_LENGTH) {
      throw invalid(
          comma < 0
              ? "has no ',' between header and payload"
              : "header is longer than " + MAX_HEADER_LENGTH + " characters");
    }
    String header = uri.substring(PREFIX.length(), comma);
    if (!header.toLowerCase(Locale.ROOT).endsWith(BASE64)) {
      throw invalid("only base64 data URIs are supported (header must end with ';base64')");
    }
    String type = header.substring(0, header.length() - BASE64.length());
    String mediaType =
        type.isEmpty() ? MediaTypes.TEXT_PLAIN : MediaTypes.normalize(type, FIELD + ".mediaType");
    int payloadStart = comma + 1;
    return new DataUri(uri, mediaType, payloadStart, decodedSize(uri, payloadStart));
  }

  private static long decodedSize(String uri, int payloadStart) {
    int length = uri.length() - payloadStart;
    if (length % 4 != 0) {
      throw invalid(
          "base64 payload of " + length + " characters is truncated (not a multiple of 4)");
    }
    int padding = 0;
    if (length > 0 && uri.charAt(uri.length() - 1) == '=') {
      padding = uri.charAt(uri.length() - 2) == '=' ? 2 : 1;
    }
    // padding anywhere else is found while decoding, without a separate pass over the payload
    return (long) length / 4 * 3 - padding;
  }

  /**
   * Returns a stream of the decoded payload; it throws {@link InvalidRequestException} on bad
   * base64.
   */
  InputStream openDecoded() {
    return new Base64DecodingStream(source, payloadStart, decodedSize);
  }

  static InvalidRequestException invalid(String message) {
    return new InvalidRequestException(FIELD, "not a valid data URI: " + message);
  }
}
