package io.flowengine.samples.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends hand-made HTTP/1.1 request heads over a socket, for what {@link java.net.http.HttpClient}
 * will not send: a body announced but not sent, a chunk larger than the limit.
 */
final class RawHttp {
  /** The status code and body of a response. */
  record Reply(int status, String body) {}

  private RawHttp() {}

  /** Writes {@code head} (lines joined with CRLF, then an empty line) and reads the reply. */
  static Reply exchange(int port, String... headLines) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((String.join("\r\n", headLines) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    long length = -1;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring("content-length:".length()).strip());
      }
    }
    byte[] body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
    return new Reply(status, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
