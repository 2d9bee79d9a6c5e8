package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import com.networknt.schema.JsonSchema;


import com.networknt.schema.SchemaLocation;



import com.networknt.schema.ValidationMessage;
import io.github.zegoaiagent.mock.internal.validate.OpenApiSchemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control API's own document ({@code /zego-aiagent-mock/mock-control.yaml}, from
 * {@code src/main/openapi/mock-control.yaml}) and its request-body schemas: every body is checked
 * against the operation's schema before it is decoded, so the limits and required fields live in
 * the document only.
 */
final class ControlSchemas {
  /** Where the build packages the document. */
  static final String RESOURCE = "/zego-aiagent-mock/mock-control.yaml";
  private static final int MAX_REPORTED = 3;
  private static volatile JsonNode document;

  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  /**
   * Fails when the build did not package the document, without reading it: parsing it costs
   * start-up time (BENCHMARKS.md, "Start-up") and only a control call with a body needs it.
   *
   * @throws IllegalStateException when it is missing
   */
  static void requirePackaged() {
    if (document == null && ControlSchemas.class.getResource(RESOURCE) == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the class path (a broken build)");
    }
  }

  /** @return the parsed document (read once per JVM, at the first use) */
  static JsonNode document() {
    JsonNode d = document;
    if (d == null) {
      try (InputStream in = ControlSchemas.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path (a broken build)");
        }
        d = new ObjectMapper(new YAMLFactory()).readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      document = d;
    }
    return d;
  }

  /**
   * @param operationId the operation
   * @param method HTTP method
   * @param path path template as in the document
   * @param body the body
   * @throws ControlException 400 naming up to three violations
   */
  void validate(String operationId, String method, String path, JsonNode body) {
    Set<ValidationMessage> messages = schema(operationId, method, path).validate(body);
    if (messages.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("body of ").append(method).append(' ').append(path).append(": ");
    Iterator<ValidationMessage> it = messages.iterator();
    for (int shown = 0; it.hasNext() && shown < MAX_REPORTED; shown++) {
      sb.append(shown > 0 ? "; " : "").append(readable(it.next()));
    }
    if (messages.size() > MAX_REPORTED) {
      sb.append(" (and ").append(messages.size() - MAX_REPORTED).append(" more)");
    }
    throw new ControlException(400, sb.toString());
  }

  /**
   * @param operationId the operation
   * @param method HTTP method
   * @param path path template as in the document
   * @param name a query parameter the operation declares
   * @param value its typed value
   * @throws ControlException 400 naming the parameter and what its schema wants
   */
  void validateParameter(String operationId, String method, String path, String name, JsonNode value) {
    JsonSchema schema = schemas.computeIfAbsent(operationId + "?" + name, k -> {
      for (JsonNode p : document().path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("parameters")) {
        if (name.equals(p.path("name").asText()) && "query".equals(p.path("in").asText())) {
          JsonSchema s = OpenApiSchemas.FACTORY.getSchema(SchemaLocation.of("urn:zego-aiagent-mock:control:" + k),
              p.path("schema"), OpenApiSchemas.CONFIG);
          s.initializeValidators();
          return s;
        }
      }
      throw new IllegalStateException("the document has no query parameter " + name + " for " + method + " " + path);
    });
    Set<ValidationMessage> messages = schema.validate(value);
    if (!messages.isEmpty()) {
      throw new ControlException(400, "query parameter " + name + " of " + method + " " + path + ": "
          + messages.iterator().next().getError());
    }
  }

  /** {@code millis: string found, integer expected} rather than a JSON pointer. */
  private static String readable(ValidationMessage m) {
    String where = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
    where = where.startsWith("/") ? where.substring(1).replace('/', '.') : where.startsWith("$") ? where.substring(Math.min(2, where.length())) : where;
    return (where.isEmpty() ? "" : where + ": ") + m.getError();
  }

  private JsonSchema schema(String operationId, String method, String path) {
    return schemas.computeIfAbsent(operationId, k -> {
      JsonNode root = document();
      JsonNode s = root.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
          .path("requestBody").path("content").path("application/json").path("schema");
      if (s.isMissingNode()) {
        throw new IllegalStateException("the document has no request schema for " + method + " " + path);
      }
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.putArray("allOf").add(s);
      doc.set("components", root.path("components"));
      JsonSchema schema = OpenApiSchemas.FACTORY.getSchema(SchemaLocation.of("urn:zego-aiagent-mock:control:" + k), doc, OpenApiSchemas.CONFIG);
      schema.initializeValidators();
      return schema;
    });
  }
}
