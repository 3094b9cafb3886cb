package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import io.flowengine.NotFoundException;
import io.flowengine.Template;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (the system's headless Chromium, see {@link SystemChromium})
 * against a server on a random loopback port, at a desktop and a phone window size, in one browser
 * session: a wrong key is refused, sign-in, a prompt flow created from the generated form (its
 * bounds checked before sending), watched until completed, its GLB drawn by the 3D viewer (read
 * back: the model is drawn and framed whole), a server 422 shown at its field, a slow image flow
 * aborted from its page (slow because its step blocks until the test releases it), the aborted flow
 * deleted, the list's state filter, and the docs page. Screenshots of each page go to {@code
 * target/screenshots/}. Waits are on conditions in the page, never sleeps.
 */
class DashboardBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SLOW_IMAGE = "slow_image";

  @TempDir static Path temp;

  private static ApiTestServer server;
  private static ChromeDriver browser;
  private static BlockingStep slowStep;
  private static Path png;
  private static Path text;

  /** The window sizes the dashboard must be usable at. */
  enum Window {
    DESKTOP(1280, 800),
    PHONE(390, 844);

    final int width;
    final int height;

    Window(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    server = ApiTestServer.start();
    slowStep = Steps.blocking();
    server
        .engine
        .templates()
        .register(
            Template.builder(SLOW_IMAGE)
                .description("test only: reports 25 % and waits until the test releases it")
                .inputTypes("image/png")
                .outputTypes(ApiTestServer.GLB)
                .step(Steps.progress(0.25))
                .step(slowStep)
                .build());
    png = temp.resolve("photo.png");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    text = temp.resolve("notes.txt");
    Files.writeString(text, "not an image");
    Files.createDirectories(SCREENSHOTS);
    browser = SystemChromium.start(Files.createDirectory(temp.resolve("profile")));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (slowStep != null) {
      slowStep.release();
    }
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Window.class)
  void dashboard_runsFlowsEndToEnd(Window window) throws Exception {
    String size = window.name().toLowerCase(java.util.Locale.ROOT);
    try {
      runFlowsEndToEnd(window, size);
    } catch (Exception | AssertionError e) {
      screenshot(size, "failed");
      Files.writeString(SCREENSHOTS.resolve(size + "-failed.html"), browser.getPageSource());
      throw e;
    }
  }

  private void runFlowsEndToEnd(Window window, String size) throws Exception {
    browser.get(server.server.baseUri() + "/dashboard/");
    js("sessionStorage.clear(); location.hash = '#/flows';");
    browser.navigate().refresh();
    resizeViewport(window);

    // A wrong key is refused and not kept.
    WebElement key = waitFor(By.id("api-key"));
    key.sendKeys("fe_wrong_key");
    browser.findElement(By.id("sign-in")).click();
    WebElement refused = waitVisible(By.id("sign-in-error"));
    assertThat(refused.getText()).contains("401");
    assertThat(js("return sessionStorage.length")).isEqualTo(0L);
    screenshot(size, "1-sign-in-refused");

    // Sign in.
    key.clear();
    key.sendKeys(server.keyA);
    browser.findElement(By.id("sign-in")).click();
    waitFor(By.id("flows-table"));
    assertThat(browser.getCurrentUrl()).doesNotContain(server.keyA);

    // The create form, generated from the template's parameter specs.
    browser.findElement(By.id("new-flow")).click();
    new Select(waitFor(By.id("template"))).selectByValue("model_generate_fromprompt");
    wait.until(d -> d.getCurrentUrl().contains("template=model_generate_fromprompt"));
    WebElement quality = waitFor(By.id("param-quality"));
    Select qualities = new Select(quality);
    assertThat(qualities.getOptions()).extracting(WebElement::getText).contains("low", "high");
    assertThat(qualities.getFirstSelectedOption().getText()).isEqualTo("high");
    WebElement seed = browser.findElement(By.id("param-seed"));
    assertThat(seed.getAttribute("value")).isEqualTo("-1");
    assertThat(seed.getAttribute("min")).isNotNull();
    qualities.selectByVisibleText("low");
    // A value under the minimum is refused here, before anything is sent.
    long before = flowCount();
    seed.clear();
    seed.sendKeys("-5");
    browser.findElement(By.id("input-text")).sendKeys("Hi");
    browser.findElement(By.id("create-flow")).click();
    WebElement seedProblem = waitVisible(By.cssSelector("[data-parameter=seed] .field-problem"));
    assertThat(seedProblem.getText()).contains("at least");
    assertThat(flowCount()).isEqualTo(before);
    screenshot(size, "2-new-flow-checked");
    seed.clear();
    seed.sendKeys("7");
    browser.findElement(By.id("create-flow")).click();

    // Watch it reach completed on its page.
    String promptFlow = shownFlowId();
    wait.until(d -> "completed".equals(state()));
    assertThat(server.engine.getFlow(promptFlow).parameters().values())
        .containsEntry("quality", "low")
        .containsEntry("seed", 7L);
    assertThat(browser.findElements(By.id("abort-flow"))).isEmpty();
    assertThat(browser.findElements(By.id("start-flow"))).isEmpty();
    assertThat(browser.findElement(By.id("delete-flow")).isDisplayed()).isTrue();

    // The 3D viewer draws the GLB, whole.
    WebElement view3d = waitFor(By.cssSelector("#output-list .view-3d"));
    view3d.click();
    wait.until(
        d ->
            d.findElements(By.cssSelector("#viewer canvas[data-rendered]")).size() == 1
                || !d.findElements(By.cssSelector("#viewer .error")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#viewer .error"))).isEmpty();
    Map<?, ?> drawn = (Map<?, ?>) js(CANVAS_PIXELS);
    long width = (Long) drawn.get("width");
    long height = (Long) drawn.get("height");
    long model = (Long) drawn.get("model");
    assertThat(drawn.get("background"))
        .as("the background colour, not a blank frame")
        .isEqualTo(List.of(233L, 236L, 240L));
    assertThat(model).as("pixels of the model").isGreaterThan(width * height / 50);
    assertThat((Long) drawn.get("atEdge")).as("model pixels at the canvas's edges").isZero();
    assertThat(
            Math.max(
                (Long) drawn.get("spanX") * 1.0 / width, (Long) drawn.get("spanY") * 1.0 / height))
        .as("the model fills the view")
        .isGreaterThan(0.4);
    scrollTo(By.id("viewer"));
    screenshot(size, "3-flow-completed-viewer");

    // A flow created without inputs waits: Start and Delete, no Abort; an input added on its
    // page, then Start.
    browser.get(server.server.baseUri() + "/dashboard/#/new?template=model_generate_fromprompt");
    new Select(waitFor(By.id("param-quality"))).selectByVisibleText("low");
    browser.findElement(By.id("create-flow")).click();
    String waiting = shownFlowId();
    assertThat(state()).isEqualTo("created");
    assertThat(browser.findElements(By.id("abort-flow"))).isEmpty();
    waitFor(By.id("delete-flow"));
    waitFor(By.id("input-text")).sendKeys("Later");
    browser.findElement(By.cssSelector("form.add-input button[type=submit]")).click();
    wait.until(d -> d.findElements(By.cssSelector("#input-list li")).size() == 1);
    screenshot(size, "4-flow-created");
    waitFor(By.id("start-flow")).click();
    wait.until(d -> "completed".equals(state()));
    assertThat(server.engine.listInputs(waiting)).hasSize(1);

    // A problem the server finds is shown at the field it names.
    browser.get(server.server.baseUri() + "/dashboard/#/new?template=model_generate_fromimage");
    waitFor(By.id("input-files")).sendKeys(text.toAbsolutePath().toString());
    browser.findElement(By.id("create-flow")).click();
    WebElement inputProblem = waitVisible(By.cssSelector("[data-parameter=inputs] .field-problem"));
    assertThat(inputProblem.getAttribute("data-loc")).isEqualTo("body.inputs.0.data");
    assertThat(browser.findElement(By.id("form-error")).getText()).contains("422");
    screenshot(size, "5-new-flow-refused");

    // A slow image flow, aborted from its page.
    browser.get(server.server.baseUri() + "/dashboard/#/new?template=" + SLOW_IMAGE);
    waitFor(By.id("input-files")).sendKeys(png.toAbsolutePath().toString());
    browser.findElement(By.id("create-flow")).click();
    String slowFlow = shownFlowId();
    awaitEntered();
    wait.until(d -> "running".equals(state()));
    assertThat(browser.findElements(By.id("delete-flow"))).isEmpty();
    screenshot(size, "6-flow-running");
    waitFor(By.id("abort-flow")).click();
    wait.until(d -> "aborted".equals(state()));
    assertThat(server.engine.getFlow(slowFlow).state()).isEqualTo(FlowState.ABORTED);

    // Another account's flow, never shown in this one's list.
    String bobsFlow =
        server
            .bob()
            .post("/flows", "{\"template\":\"model_optimize\"}")
            .json()
            .get("flow_id")
            .asText();

    // Delete the finished (aborted) flow.
    waitFor(By.id("delete-flow")).click();
    waitFor(By.id("confirm-delete")).click();
    waitVisible(By.id("notice"));
    assertThat(browser.findElement(By.id("notice")).getText()).contains(slowFlow);
    assertThatThrownBy(() -> server.engine.getFlow(slowFlow)).isInstanceOf(NotFoundException.class);
    wait.until(d -> !d.findElements(By.cssSelector("#flow-rows tr")).isEmpty());
    assertThat(
            browser.findElements(By.cssSelector("#flow-rows tr[data-flow-id='" + slowFlow + "']")))
        .isEmpty();
    assertThat(
            browser.findElements(By.cssSelector("#flow-rows tr[data-flow-id='" + bobsFlow + "']")))
        .isEmpty();

    // The list: only this account's flows, live state, the state filter, polling at most once
    // a second.
    WebElement completed =
        browser.findElement(By.cssSelector("#state-filter input[value=completed]"));
    completed.click();
    wait.until(d -> d.getCurrentUrl().contains("states=completed"));
    wait.until(
        d -> {
          List<WebElement> rows = d.findElements(By.cssSelector("#flow-rows tr"));
          return !rows.isEmpty()
              && rows.stream().allMatch(row -> "completed".equals(row.getAttribute("data-state")));
        });
    assertThat(
            browser.findElements(
                By.cssSelector("#flow-rows tr[data-flow-id='" + promptFlow + "']")))
        .hasSize(1);
    wait.until(d -> listRequestStarts().size() >= 3);
    List<Double> starts = listRequestStarts();
    for (int i = 1; i < starts.size(); i++) {
      assertThat(starts.get(i) - starts.get(i - 1))
          .as("time between two polls of the list, ms")
          .isGreaterThanOrEqualTo(990.0);
    }
    assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth"))
        .as("no sideways scrolling at " + window)
        .isEqualTo(true);
    screenshot(size, "7-flows-completed");

    // The API docs page renders the OpenAPI document, from this server only.
    browser.get(server.server.baseUri() + "/docs/");
    wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() >= 13);
    assertThat(
            js(
                "return performance.getEntriesByType('resource')"
                    + ".map(e => e.name).filter(n => !n.startsWith('data:')"
                    + " && !n.startsWith(location.origin + '/'))"))
        .as("resources the docs page loaded from elsewhere")
        .isEqualTo(List.of());
    screenshot(size, "8-api-docs");
  }

  private final WebDriverWait wait = waiting();

  private static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.ignoring(StaleElementReferenceException.class); // live pages re-render
    return wait;
  }

  private WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  private WebElement waitVisible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Sizes the window so that the page's viewport is {@code window}'s size. */
  private static void resizeViewport(Window window) {
    browser.manage().window().setSize(new Dimension(window.width, window.height));
    long extraWidth = window.width - (Long) js("return window.innerWidth");
    long extraHeight = window.height - (Long) js("return window.innerHeight");
    browser
        .manage()
        .window()
        .setSize(
            new Dimension((int) (window.width + extraWidth), (int) (window.height + extraHeight)));
    assertThat(js("return [window.innerWidth, window.innerHeight]"))
        .isEqualTo(List.of((long) window.width, (long) window.height));
  }

  /** Waits for a flow's page and returns its flow id, from the page's address. */
  private String shownFlowId() {
    wait.until(d -> d.getCurrentUrl().matches(".*#/flows/[^/?]+$"));
    waitFor(By.id("flow-state"));
    String url = browser.getCurrentUrl();
    return java.net.URLDecoder.decode(
        url.substring(url.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
  }

  private String state() {
    Object state = js("return document.getElementById('flow-state')?.dataset.state ?? ''");
    return String.valueOf(state);
  }

  private long flowCount() {
    return server
        .engine
        .authenticate(server.keyA)
        .listFlows(FlowQuery.builder().build())
        .items()
        .size();
  }

  @SuppressWarnings("unchecked")
  private List<Double> listRequestStarts() {
    List<Number> starts =
        (List<Number>)
            js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/flows?') && e.name.includes('filter_by='))"
                    + ".map(e => e.startTime)");
    return starts.stream().map(Number::doubleValue).toList();
  }

  private static void awaitEntered() throws InterruptedException {
    try {
      slowStep.awaitEntered(Duration.ofSeconds(30));
    } catch (TimeoutException e) {
      throw new AssertionError("the slow flow did not start", e);
    }
  }

  private void scrollTo(By locator) {
    js("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(locator));
  }

  private static Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  private static void screenshot(String size, String page) throws IOException {
    Path file = SCREENSHOTS.resolve(size + "-" + page + ".png");
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Reads the viewer's canvas back (its drawing buffer is preserved): the background colour (top
   * left pixel), how many pixels differ from it (the model), how many of those touch the canvas's
   * edge, and the extent of the model.
   */
  private static final String CANVAS_PIXELS =
      """
      const source = document.querySelector('#viewer canvas');
      const copy = document.createElement('canvas');
      copy.width = source.width; copy.height = source.height;
      const g = copy.getContext('2d');
      g.drawImage(source, 0, 0);
      const w = copy.width, h = copy.height, d = g.getImageData(0, 0, w, h).data;
      const bg = [d[0], d[1], d[2]];
      let model = 0, atEdge = 0, minX = w, maxX = -1, minY = h, maxY = -1;
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) <= 24) continue;
        model++;
        if (x < 2 || y < 2 || x >= w - 2 || y >= h - 2) atEdge++;
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
      return { width: w, height: h, background: bg, model, atEdge,
               spanX: Math.max(0, maxX - minX + 1), spanY: Math.max(0, maxY - minY + 1) };
      """;

  static {
    // Selenium Manager must never run (it would download); the driver is always given.
    System.setProperty("SE_OFFLINE", "true");
  }
}
