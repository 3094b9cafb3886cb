package io.flowengine.samples.spring;

import io.flowengine.Template;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application: the starter builds the engine from {@code application.properties} (flowengine.*)
 * and registers the {@code shout} template bean with it. Started by {@link #main}; Spring creates
 * it once.
 */
@SpringBootApplication
public class ShoutApplication {
  private static final Logger log = LoggerFactory.getLogger(ShoutApplication.class);

  /** Created by Spring. */
  public ShoutApplication() {}

  /** The template: its output is the text input in upper case. */
  @Bean
  Template shout() {
    return Template.builder("shout")
        .inputTypes("text/plain")
        .outputTypes("text/plain")
        .step(
            ctx -> {
              for (var input : ctx.inputs()) {
                String text = new String(ctx.open(input).readAllBytes(), StandardCharsets.UTF_8);
                // The MDC holds flowengine.flowId and .template here; the log pattern prints them.
                log.info("shouting {} characters", text.length());
                ctx.writeOutput(
                    "text/plain",
                    text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                    input);
              }
            })
        .build();
  }

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(ShoutApplication.class, args);
  }
}
