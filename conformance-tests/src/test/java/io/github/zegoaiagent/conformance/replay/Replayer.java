package io.github.zegoaiagent.conformance.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.zegoaiagent.conformance.raw.Answer;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Replays a {@link Recording} against a target, in order, and compares each answer with the
 * recorded one: the same {@code Code}, the same shape ({@link Shapes}). The target issues its own
 * ids: whenever an answer holds a different value where the recording has an {@code ...Id} field
 * (AgentInstanceId, ...), later requests carry the target's value instead of the recorded one.
 */
public final class Replayer {
  private final BiFunction<String, String, Answer> send;
  private final Map<String, String> ids = new HashMap<>();

  /** One replayed exchange. @param recorded the line @param answer the target's answer @param differences what differs */
  public record Step(RecordedExchange recorded, Answer answer, List<String> differences) { }

  /** @param send sends an Action with a JSON body to the target and returns its answer */
  public Replayer(BiFunction<String, String, Answer> send) {
    this.send = send;
  }

  /**
   * @param recording what to replay
   * @return every replayed exchange with its differences
   */
  public List<Step> replay(Recording recording) {
    List<Step> steps = new ArrayList<>();
    for (RecordedExchange x : recording.replayable()) {
      JsonNode body = substitute(x.body().deepCopy());
      Answer a = send.apply(x.action(), body.toString());
      List<String> diff = new ArrayList<>();
      int recordedCode = x.answer().path("Code").asInt();
      if (a.body() == null) {
        diff.add("the target's answer is not JSON: " + a);
      } else {
        if (a.code() != recordedCode) {
          diff.add("Code " + a.code() + " where the recording has " + recordedCode + " (" + a.message() + ")");
        }
        diff.addAll(Shapes.differences(x.answer(), a.body()));
        learnIds(x.answer(), a.body(), "");
      }
      steps.add(new Step(x, a, diff));
    }
    return steps;
  }

  private void learnIds(JsonNode recorded, JsonNode actual, String name) {
    if (recorded == null || actual == null) {
      return;
    }
    if (recorded.isTextual() && actual.isTextual()) {
      if (name.endsWith("Id") && !name.equals("RequestId") && !recorded.textValue().equals(actual.textValue())
          && !recorded.textValue().equals(Shapes.MASK)) {
        ids.put(recorded.textValue(), actual.textValue());
      }
      return;
    }
    if (recorded.isObject()) {
      recorded.fields().forEachRemaining(e -> learnIds(e.getValue(), actual.get(e.getKey()), e.getKey()));
    } else if (recorded.isArray()) {
      for (int i = 0; i < Math.min(recorded.size(), actual.size()); i++) {
        learnIds(recorded.get(i), actual.get(i), name);
      }
    }
  }

  private JsonNode substitute(JsonNode n) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        ((ObjectNode) n).set(e.getKey(), substitute(e.getValue()));
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        ((ArrayNode) n).set(i, substitute(n.get(i)));
      }
    } else if (n.isTextual() && ids.containsKey(n.textValue())) {
      return TextNode.valueOf(ids.get(n.textValue()));
    }
    return n;
  }
}
