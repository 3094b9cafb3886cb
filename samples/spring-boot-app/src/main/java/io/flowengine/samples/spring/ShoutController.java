package io.flowengine.samples.spring;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.NotFoundException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /shouts} (a text body) creates a {@code shout} flow with the text as its input, which
 * starts at once; {@code GET /shouts/{id}} returns its state, progress and, once completed, the
 * shouted text. Thread-safe: it keeps nothing but the engine.
 */
@RestController
@RequestMapping("/shouts")
public class ShoutController {
  private final FlowEngine engine;

  /** Created by Spring with the auto-configured engine. */
  public ShoutController(FlowEngine engine) {
    this.engine = engine;
  }

  /** A flow as this API shows it: {@code output} is null until the flow completed. */
  public record ShoutView(String id, String state, double progress, @Nullable String output) {}

  /** Creates and starts a flow shouting {@code text}. */
  @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
  public ResponseEntity<ShoutView> create(@RequestBody String text) {
    Flow flow = engine.createFlow(NewFlow.builder("shout").input(NewAsset.text(text)).build());
    return ResponseEntity.created(URI.create("/shouts/" + flow.id())).body(view(flow));
  }

  /**
   * Returns the flow {@code id}.
   *
   * @throws NotFoundException if there is none (answered 404)
   */
  @GetMapping("/{id}")
  public ShoutView get(@PathVariable("id") String id) {
    return view(engine.getFlow(id));
  }

  /** Answers 404 for a flow that does not exist. */
  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound(NotFoundException e) {
    return String.valueOf(e.getMessage());
  }

  private ShoutView view(Flow flow) {
    String output = null;
    if (flow.state() == FlowState.COMPLETED) {
      List<Asset> outputs = engine.listOutputs(flow.id());
      output = engine.getOutput(flow.id(), outputs.getFirst().id()).text();
    }
    return new ShoutView(flow.id(), flow.state().wireName(), flow.progress(), output);
  }
}
