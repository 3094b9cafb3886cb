package io.flowengine.samples.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the machine's own Chromium (Debian's {@code chromium} and {@code chromium-driver}
 * packages), headless, through Selenium, never downloading a browser or a driver: both binaries are
 * found on the {@code PATH} (or named by {@code -Dflowengine.browser} and {@code
 * -Dflowengine.chromedriver}) and handed to Selenium, so Selenium Manager does not run. Where none
 * is found the test is skipped, saying why, unless {@code -Dflowengine.browser.required=true} (as
 * {@code .ci/run} passes), which makes that a failure.
 */
final class SystemChromium {
  static final String REQUIRED = "flowengine.browser.required";

  private SystemChromium() {}

  /** Starts a headless Chromium, or skips (or fails, when required) if there is none. */
  static ChromeDriver start(Path profile) {
    Optional<Path> browser =
        binary("flowengine.browser", "chromium", "chromium-browser", "google-chrome");
    Optional<Path> driver = binary("flowengine.chromedriver", "chromedriver");
    if (browser.isEmpty() || driver.isEmpty()) {
      String why =
          "no "
              + (browser.isEmpty() ? "chromium" : "chromedriver")
              + " found (on the PATH, or named by -Dflowengine.browser / -Dflowengine.chromedriver):"
              + " install Debian's chromium and chromium-driver packages"
              + " (apt-get install -y chromium chromium-driver)";
      if (Boolean.getBoolean(REQUIRED)) {
        Assertions.fail(why + "; -D" + REQUIRED + "=true makes the browser test mandatory");
      }
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // as root, Chromium's sandbox cannot start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        // no connections of its own: the machine's network refuses them
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        // timers run at full rate whatever the window's state, so the page's polling is steady
        "--disable-background-timer-throttling",
        "--disable-backgrounding-occluded-windows",
        "--disable-renderer-backgrounding",
        // WebGL in software, so the 3D viewer draws without a GPU
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
        "--ignore-gpu-blocklist",
        "--window-size=1280,800",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.get().toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static Optional<Path> binary(String property, String... names) {
    String named = System.getProperty(property);
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named)).filter(Files::isExecutable);
    }
    List<Path> path =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(Path::of)
            .toList();
    for (String name : names) {
      for (Path directory : path) {
        Path candidate = directory.resolve(name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Returns a fresh temporary directory for a browser profile. */
  static Path freshProfile() {
    try {
      return Files.createTempDirectory("flowengine-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
