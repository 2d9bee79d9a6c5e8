package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.values.LlmReply;
import io.github.zegoaiagent.mock.values.Fault;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * The control and inspection API under {@code /_mock/}: plain JSON, HTTP status codes (200, 400
 * for bad input, 403, 404, 405 for a wrong method; 500 only for a bug), framework-free behind the HTTP front. Callers that are not on loopback get 403 unless remote access was
 * switched on. The routes are listed in the module README.
 */
public final class ControlHttpHandler {
  /** Path prefix of the control API. */
  public static final String PREFIX = "/_mock/";
  private static final int MAX_BODY = 64 * 1024;

  private final MockControl server;
  private final ObjectMapper mapper;
  private final boolean remoteAllowed;

  /**
   * @param server the server to control
   * @param mapper JSON mapper
   * @param remoteAllowed whether non-loopback callers are served
   */
  public ControlHttpHandler(MockControl server, ObjectMapper mapper, boolean remoteAllowed) {
    this.server = server;
    this.mapper = mapper;
    this.remoteAllowed = remoteAllowed;
  }

  /**
   * Answers one control request.
   *
   * @param method HTTP method
   * @param rawPath raw path, starting with {@link #PREFIX}
   * @param remote the caller
   * @param in body bytes
   * @param tooLarge whether the body was longer than the front's cap
   * @return status and JSON
   */
  public Answer answer(String method, String rawPath, InetSocketAddress remote, byte[] in,
      boolean tooLarge) {
    int status;
    Object body;
    try {
      if (!LoopbackPolicy.allows(remote, remoteAllowed)) {
        status = 403;
        body = error("the control API answers loopback callers only (start the mock with remote control allowed to change this)");
      } else if (tooLarge || in.length > MAX_BODY) {
        status = 400;
        body = error("body larger than " + MAX_BODY + " bytes");
      } else {
        String path = decodePath(rawPath).substring(PREFIX.length());
        JsonNode json = in.length == 0 ? mapper.createObjectNode() : mapper.readTree(in);
        Object[] r = route(method, path, json == null ? mapper.createObjectNode() : json);
        status = (Integer) r[0];
        body = r[1];
      }
    } catch (NoSuchElementException e) {
      status = 404;
      body = error(e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      // Bad input: a body that is not JSON, a malformed escape, a missing or wrong field.
      status = 400;
      body = error(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      // A bug in the mock is not the caller's fault: say so (never dressed up as a 400).
      status = 500;
      body = error("bug in the mock's control API (" + e.getClass().getSimpleName() + "); please report it");
    }
    try {
      return new Answer(status, mapper.writeValueAsBytes(body), 0);
    } catch (IOException e) {
      return new Answer(400, "{\"error\":\"unserialisable answer\"}".getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  /** Percent-decodes a path (UTF-8); a malformed escape is a 400 like any bad input. */
  private static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private Object[] route(String method, String path, JsonNode in) {
    boolean get = "GET".equals(method);
    boolean post = "POST".equals(method);
    if (path.equals("health") && get) {
      return ok(mapper.createObjectNode().put("status", "ok"));
    }
    if (path.equals("info") && get) {
      ObjectNode n = mapper.createObjectNode();
      n.put("baseUrl", server.baseUrl().toString());
      ArrayNode ids = n.putArray("appIds");
      server.appIds().forEach(ids::add);
      n.put("strict", server.strictNonces());
      n.put("clockMillis", server.clock().millis());
      n.put("callbackUrl", server.callbackUrl() == null ? null : server.callbackUrl().toString());
      return ok(n);
    }
    if (path.equals("reset") && post) {
      server.reset();
      return ok(mapper.createObjectNode().put("reset", true));
    }
    if (path.equals("agents") && get) {
      ArrayNode a = mapper.createArrayNode();
      server.appIds().forEach(app ->
          server.agents(app).forEach(r -> a.add(mapper.valueToTree(r))));
      return ok(a);
    }
    if (path.equals("instances") && get) {
      return ok(mapper.valueToTree(server.instances()));
    }
    if (path.startsWith("instances/")) {
      String rest = path.substring("instances/".length());
      if (!rest.contains("/") && get) {
        return ok(mapper.valueToTree(server.requireInstance(rest)));
      }
      if (rest.endsWith("/user") && post) {
        String id = rest.substring(0, rest.length() - "/user".length());
        server.requireInstance(id);
        if (in.has("present")) {
          server.setUserPresent(id, in.get("present").asBoolean());
        }
        if (in.has("publishing")) {
          server.setUserPublishing(id, in.path("userId").asText(null), in.get("publishing").asBoolean());
        }
        if (in.has("utterance")) {
          server.setUserUtterance(id, in.get("utterance").asText());
        }
        return ok(mapper.valueToTree(server.requireInstance(id)));
      }
      if (rest.endsWith("/script") && post) {
        // Conversation script (issue 16): the body is the script's JSON; it plays on the clock.
        String id = rest.substring(0, rest.length() - "/script".length());
        server.requireInstance(id);
        io.github.zegoaiagent.mock.script.ConversationScript script =
            io.github.zegoaiagent.mock.script.ConversationScript.fromTree(in);
        long now = server.clock().millis();
        long end = server.loadScript(id, script);
        return ok(mapper.createObjectNode().put("agentInstanceId", id).put("events", script.events().size())
            .put("startsAtMillis", now).put("endsAtMillis", end));
      }
    }
    if (path.equals("journal") && get) {
      return ok(mapper.valueToTree(server.journal()));
    }
    if (path.equals("faults")) {
      if (get) {
        return ok(faults());
      }
      if (post) {
        String action = requireText(in, "action");
        Fault f = new Fault(action, in.path("count").asInt(1), in.path("code").asInt(0),
            in.path("message").asText(null), Duration.ofMillis(in.path("delayMillis").asLong(0)));
        server.injectFault(f);
        return ok(faults());
      }
      if ("DELETE".equals(method)) {
        server.clearFaults();
        return ok(faults());
      }
    }
    if (path.equals("clock") && get) {
      return ok(mapper.createObjectNode().put("millis", server.clock().millis()));
    }
    if (path.equals("clock/advance") && post) {
      if (!in.has("millis") || !in.get("millis").canConvertToLong()) {
        throw new IllegalArgumentException("millis: required integer");
      }
      server.advanceClock(Duration.ofMillis(in.get("millis").longValue()));
      return ok(mapper.createObjectNode().put("millis", server.clock().millis()));
    }
    if (path.equals("llm-reply") && post) {
      server.setLlmReply(in.has("reply") ? LlmReply.fixed(in.get("reply").asText()) : LlmReply.echo());
      return ok(mapper.createObjectNode().put("reply", in.path("reply").asText("(echo)")));
    }
    if (path.equals("qps-limit") && post) {
      int limit = in.path("limit").asInt(-1);
      if (limit < 0) {
        throw new IllegalArgumentException("limit: required integer >= 0 (0 = off)");
      }
      server.setQpsLimit(limit);
      return ok(mapper.createObjectNode().put("limit", limit));
    }
    if (path.equals("callbacks") && get) {
      ObjectNode n = mapper.valueToTree(server.callbackStats());
      ArrayNode events = n.putArray("events");
      server.callbacks().forEach(events::add);
      return ok(n);
    }
    String allowed = allowedMethods(path);
    if (allowed != null) {
      return new Object[] {405, error("method " + method + " not allowed on " + PREFIX + path + "; allowed: " + allowed)};
    }
    return new Object[] {404, error("no control route " + method + " " + PREFIX + path)};
  }

  /** @return the methods a known route takes, or null for an unknown path */
  private static String allowedMethods(String path) {
    switch (path) {
      case "health", "info", "agents", "instances", "journal", "clock", "callbacks":
        return "GET";
      case "reset", "clock/advance", "llm-reply", "qps-limit":
        return "POST";
      case "faults":
        return "GET, POST, DELETE";
      default:
        break;
    }
    if (path.startsWith("instances/")) {
      String rest = path.substring("instances/".length());
      if (!rest.isEmpty() && !rest.contains("/")) {
        return "GET";
      }
      if (rest.endsWith("/user") && rest.indexOf('/') == rest.length() - "/user".length()) {
        return "POST";
      }
      if (rest.endsWith("/script") && rest.indexOf('/') == rest.length() - "/script".length()) {
        return "POST";
      }
    }
    return null;
  }

  private ArrayNode faults() {
    ArrayNode a = mapper.createArrayNode();
    for (Fault f : server.faults()) {
      a.addObject().put("action", f.action()).put("count", f.count()).put("code", f.code())
          .put("message", f.message()).put("delayMillis", f.delay().toMillis());
    }
    return a;
  }

  private static String requireText(JsonNode in, String field) {
    JsonNode n = in.get(field);
    if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
      throw new IllegalArgumentException(field + ": required string");
    }
    return n.textValue();
  }

  private static Object[] ok(Object body) {
    return new Object[] {200, body};
  }

  private ObjectNode error(String message) {
    return mapper.createObjectNode().put("error", message);
  }
}
