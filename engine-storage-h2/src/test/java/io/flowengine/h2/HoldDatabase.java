package io.flowengine.h2;

import java.nio.file.Path;

/** A child process that keeps an H2 storage open until its standard input closes. */
public final class HoldDatabase {
  private HoldDatabase() {}

  /** Argument: the database directory. */
  public static void main(String[] args) throws Exception {
    try (H2Storage storage = H2Storage.open(Path.of(args[0]))) {
      System.out.println("open " + storage);
      System.out.flush();
      System.in.readAllBytes();
    }
  }
}
