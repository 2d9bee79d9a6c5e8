package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One action of the service: an operation under its virtual path {@code /<Action>} (ADR 0001).
 *
 * @param name the wire name ({@code x-zego-action}), sent as {@code POST /?Action=<name>}
 * @param path the virtual path in the document, {@code /<name>}
 * @param method the operation's HTTP method, upper case ({@code POST})
 * @param operationId the operation's operationId
 * @param tags the operation's tags
 * @param request the JSON request body schema
 * @param response the HTTP 200 JSON answer schema
 * @param errors action-specific return codes ({@code x-zego-errors}), in contract order
 * @param readOnly {@code x-zego-read-only: true}: the action reads and never creates or changes anything
 * @param liveDigitalHumanAllowed {@code x-zego-live-digital-human: allowed}
 * @param secrets the request's {@code x-zego-secret} properties
 * @param requestExamples request examples by name, as JSON text
 * @param responseExamples HTTP 200 answer examples by name, as JSON text
 */
public record Action(String name, String path, String method, String operationId, List<String> tags,
    SchemaRef request, SchemaRef response, List<Integer> errors, boolean readOnly,
    boolean liveDigitalHumanAllowed, List<SecretPath> secrets, Map<String, String> requestExamples,
    Map<String, String> responseExamples) {

  /** Copies the collections. */
  public Action {
    tags = List.copyOf(tags);
    errors = List.copyOf(errors);
    secrets = List.copyOf(secrets);
    requestExamples = Collections.unmodifiableMap(new LinkedHashMap<>(requestExamples));
    responseExamples = Collections.unmodifiableMap(new LinkedHashMap<>(responseExamples));
  }

  /**
   * @return the first request example as a fresh JSON node
   * @throws NoSuchElementException when the action has none
   */
  public JsonNode firstRequestExample() {
    return requestExample(requestExamples.keySet().stream().findFirst()
        .orElseThrow(() -> new NoSuchElementException(name + " has no request example")));
  }

  /**
   * @param example an example name
   * @return that request example as a fresh JSON node
   * @throws NoSuchElementException naming the action and the example when there is no such example
   */
  public JsonNode requestExample(String example) {
    String json = requestExamples.get(example);
    if (json == null) {
      throw new NoSuchElementException(name + " has no request example " + example + "; it has "
          + requestExamples.keySet());
    }
    return Pointers.json(json);
  }

  /**
   * @param example an example name
   * @return that answer example as a fresh JSON node
   * @throws NoSuchElementException naming the action and the example when there is no such example
   */
  public JsonNode responseExample(String example) {
    String json = responseExamples.get(example);
    if (json == null) {
      throw new NoSuchElementException(name + " has no response example " + example + "; it has "
          + responseExamples.keySet());
    }
    return Pointers.json(json);
  }
}
