package io.flowengine.samples.rest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The command line of {@link RestServerMain}.
 *
 * @param port the port, 0 for a free one (default 8080)
 * @param dataDirectory where the engine keeps flows, assets and API keys
 * @param bind the address to listen on (default 127.0.0.1: this machine only)
 * @param maxUploadBytes the largest input asset, decoded (default 16 MiB); the request body limit
 *     follows from it
 * @param newKey whether to create a new API key even if one exists
 * @param help whether to print the usage and exit
 */
record ServerOptions(
    int port, Path dataDirectory, String bind, long maxUploadBytes, boolean newKey, boolean help) {

  static final String USAGE =
      """
      usage: rest-server [--port N] [--data-dir DIR] [--bind ADDRESS] [--max-upload-mib N] [--new-key]
        --port N            port to listen on; 0 picks a free one (default 8080)
        --data-dir DIR      where flows, assets and API keys are kept (default data/rest-server)
        --bind ADDRESS      address to listen on (default 127.0.0.1, this machine only)
        --max-upload-mib N  largest input asset in MiB, decoded (default 16)
        --new-key           print a new API key even if one exists
      """;

  private static final long MIB = 1L << 20;

  /** Returns the limit on a request body: an upload's base64 form plus room for JSON and data. */
  long maxBodyBytes() {
    return (maxUploadBytes + 2) / 3 * 4 + MIB;
  }

  /**
   * Parses {@code args}; {@code --flag value} and {@code --flag=value} both work.
   *
   * @throws IllegalArgumentException naming the flag that is unknown, missing its value or wrong
   */
  static ServerOptions parse(String... args) {
    int port = 8080;
    Path dataDirectory = Path.of("data", "rest-server");
    String bind = "127.0.0.1";
    long maxUpload = 16 * MIB;
    boolean newKey = false;
    boolean help = false;
    Deque<String> rest = new ArrayDeque<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        rest.addAll(List.of(arg.substring(0, equals), arg.substring(equals + 1)));
      } else {
        rest.add(arg);
      }
    }
    while (!rest.isEmpty()) {
      String flag = rest.removeFirst();
      switch (flag) {
        case "--port" -> port = intValue(flag, rest, 0, 65_535);
        case "--data-dir" -> dataDirectory = Path.of(value(flag, rest));
        case "--bind" -> bind = value(flag, rest);
        case "--max-upload-mib" -> maxUpload = intValue(flag, rest, 1, 1024) * MIB;
        case "--new-key" -> newKey = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument: " + flag);
      }
    }
    return new ServerOptions(port, dataDirectory, bind, maxUpload, newKey, help);
  }

  private static String value(String flag, Deque<String> rest) {
    String value = rest.pollFirst();
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  private static int intValue(String flag, Deque<String> rest, int min, int max) {
    String value = value(flag, rest);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(flag + " must be " + min + " to " + max + ": " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number: " + value, e);
    }
  }
}
