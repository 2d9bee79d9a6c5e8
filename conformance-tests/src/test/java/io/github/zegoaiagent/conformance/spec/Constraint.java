package io.github.zegoaiagent.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One constraint of a request schema, at a field path.
 *
 * @param action the action whose request it constrains
 * @param path property names from the body root; {@code 0} stands for "the first array item"
 * @param keyword maxLength, minLength, pattern, minimum, maximum, enum, maxItems or required
 * @param limit the keyword's value in the contract
 * @param schema the resolved schema of the field
 * @param assumed whether the contract marks this keyword as our own assumption (x-zego-assumed)
 */
public record Constraint(String action, List<Object> path, String keyword, JsonNode limit, JsonNode schema,
    boolean assumed) {

  /** @return the field's wire path, e.g. {@code MessageHistory.Messages[0].Role} */
  public String jsonPath() {
    StringBuilder sb = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(step);
      }
    }
    return sb.toString();
  }

  /** @return the last property name on the path */
  public String field() {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i) instanceof String s) {
        return s;
      }
    }
    return "";
  }

  @Override
  public String toString() {
    return action + " " + jsonPath() + " " + keyword + "=" + limit + (assumed ? " (assumed)" : "");
  }
}
