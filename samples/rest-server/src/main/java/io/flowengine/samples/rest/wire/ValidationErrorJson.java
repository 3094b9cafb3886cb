package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of a 422, in FastAPI's form: {@code {"detail":[{"loc":["body","parameters","seed"],
 * "msg":"...","type":"..."}]}}, every problem found.
 */
public record ValidationErrorJson(@JsonProperty("detail") List<Item> detail) {

  /**
   * One problem: where it is ({@code loc}: {@code "body"}, {@code "query"} or {@code "path"}
   * followed by field names and list indexes), what is wrong, and a machine-readable type such as
   * {@code missing}, {@code string_type}, {@code json_invalid} or {@code value_error}.
   */
  public record Item(
      @JsonProperty("loc") List<Object> loc,
      @JsonProperty("msg") String msg,
      @JsonProperty("type") String type) {
    /** Copies the location. */
    public Item {
      loc = List.copyOf(loc);
    }
  }
}
