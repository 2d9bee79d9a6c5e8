package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.generated.control.ControlHandler;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.internal.timeline.ContractWords;
import io.github.zegoaiagent.mock.internal.timeline.Timelines;
import io.github.zegoaiagent.mock.internal.ui.DashboardAssets;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control and inspection API under {@code /_mock/}, routed by the table generated from its
 * document ({@code src/main/openapi/mock-control.yaml}, {@link ControlHandler#routes()}): 403 for a
 * caller not on loopback (unless remote control is on), 404 for an unknown path, 405 with
 * {@code Allow} for a known path with another method, 400 for a body that is not JSON or breaks
 * the operation's schema, then the operation ({@link ControlOperations}); 500 only for a bug.
 * Before any of that, a browser request from another site, or (remote control off) for a Host
 * that is no loopback name, gets 403 ({@link BrowserPolicy}). The dashboard's files under
 * {@code /_mock/ui/} are served by {@link DashboardAssets} behind the same checks.
 */
public final class ControlHttpHandler {
  /** Path prefix of the control API. */
  public static final String PREFIX = "/_mock/";
  private static final int MAX_BODY = 64 * 1024;
  private static final List<ControlHandler.Route<Void>> ROUTES = ControlHandler.routes();
  /** The order methods are named in {@code Allow}. */
  private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final ControlOperations operations;
  private final ControlSchemas schemas = new ControlSchemas();
  private final ObjectMapper mapper;
  /** Bodies are decoded after schema validation; the schemas say which fields exist. */
  private final ObjectMapper decoder;
  private final boolean remoteAllowed;
  private final Timelines timelines;
  private final DashboardAssets dashboard = new DashboardAssets();

  /**
   * A handler whose timeline records nothing (for tests of the routes alone).
   *
   * @param server the server to control
   * @param mapper JSON mapper
   * @param remoteAllowed whether non-loopback callers are served
   */
  public ControlHttpHandler(MockControl server, ObjectMapper mapper, boolean remoteAllowed) {
    this(server, mapper, remoteAllowed, new Timelines(() -> server.clock().millis(), n -> n,
        new ContractWords(Contract.load().model())));
  }

  /**
   * @param server the server to control
   * @param mapper JSON mapper
   * @param remoteAllowed whether non-loopback callers are served
   * @param timelines what happened to each instance (the timeline routes read it)
   */
  public ControlHttpHandler(MockControl server, ObjectMapper mapper, boolean remoteAllowed, Timelines timelines) {
    this.timelines = timelines;
    this.operations = new ControlOperations(server, mapper, timelines);
    this.mapper = mapper;
    this.decoder = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.remoteAllowed = remoteAllowed;
    ControlSchemas.requirePackaged(); // a build without the document fails at start-up; it is read at first use
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
    return answer(method, rawPath, remote, Map.of(), in, tooLarge);
  }

  /**
   * Answers one control request.
   *
   * @param method HTTP method
   * @param rawPath raw path, starting with {@link #PREFIX}
   * @param remote the caller
   * @param headers the request's Host, Origin and Sec-Fetch-Site headers, by lower-case name
   *     ({@link io.github.zegoaiagent.mock.internal.http.Endpoints.Control#HEADERS})
   * @param in body bytes
   * @param tooLarge whether the body was longer than the front's cap
   * @return status and JSON (HTML, CSS or JavaScript for the dashboard)
   */
  public Answer answer(String method, String rawPath, InetSocketAddress remote, Map<String, String> headers,
      byte[] in, boolean tooLarge) {
    try {
      if (!LoopbackPolicy.allows(remote, remoteAllowed)) {
        return error(403, "the control API answers loopback callers only (start the mock with remote control allowed to change this)", Map.of());
      }
      String refused = BrowserPolicy.refusal(headers, remoteAllowed);
      if (refused != null) {
        return error(403, refused, Map.of());
      }
      if (DashboardAssets.owns(rawPath)) {
        return dashboard.answer(method, rawPath);
      }
      List<String> segments = segments(rawPath);
      Map<String, String> params = new LinkedHashMap<>();
      ControlHandler.Route<Void> route = null;
      List<String> allowed = new ArrayList<>();
      for (ControlHandler.Route<Void> r : ROUTES) {
        Map<String, String> p = match(r.path(), segments);
        if (p != null) {
          allowed.add(r.method());
          if (r.method().equals(method)) {
            route = r;
            params = p;
          }
        }
      }
      if (route == null) {
        if (!allowed.isEmpty()) {
          allowed.sort(java.util.Comparator.comparingInt(METHOD_ORDER::indexOf));
          String allow = String.join(", ", allowed);
          return error(405, "method " + method + " not allowed on " + rawPath + "; allowed: " + allow,
              Map.of("Allow", allow));
        }
        return error(404, "no control route " + method + " " + rawPath + " (see mock-control.yaml)", Map.of());
      }
      Object body = null;
      if (route.bodyType() != null) {
        if (tooLarge || in.length > MAX_BODY) {
          return error(400, "body larger than " + MAX_BODY + " bytes", Map.of());
        }
        body = decode(route, in);
      }
      Object result = route.invoker().invoke(operations, null, params, body);
      if (!route.method().equals("GET")) {
        timelines.touch(); // a watcher (the dashboard) refreshes what it shows
      }
      return new Answer(200, mapper.writeValueAsBytes(result), 0, NO_SNIFF);
    } catch (ControlException e) {
      return error(e.status(), e.getMessage(), Map.of());
    } catch (IOException | RuntimeException e) {
      // A bug in the mock is not the caller's fault: say so (never dressed up as a 400).
      return error(500, "bug in the mock's control API (" + e.getClass().getSimpleName() + "); please report it", Map.of());
    }
  }

  private Object decode(ControlHandler.Route<Void> route, byte[] in) {
    JsonNode json;
    try {
      json = in.length == 0 ? mapper.createObjectNode() : mapper.readTree(in);
    } catch (IOException e) {
      throw new ControlException(400, "body is not JSON: " + clip(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (json == null || json.isMissingNode()) {
      json = mapper.createObjectNode();
    }
    schemas.validate(route.operationId(), route.method(), route.path(), json);
    try {
      return decoder.treeToValue(json, route.bodyType());
    } catch (JsonProcessingException e) {
      // Valid for the schema but not for Java (a number beyond int32, for example).
      throw new ControlException(400, "body of " + route.method() + " " + route.path() + ": " + clip(e.getOriginalMessage()));
    }
  }

  /** The percent-decoded segments after the prefix; a malformed escape is bad input. */
  private static List<String> segments(String rawPath) {
    String rest = rawPath.substring(PREFIX.length());
    List<String> out = new ArrayList<>();
    for (String s : rest.split("/", -1)) {
      try {
        out.add(s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new ControlException(400, "malformed percent-escape in the path " + clip(rawPath));
      }
    }
    return out;
  }

  /** @return the path parameters when the template matches, else null */
  private static Map<String, String> match(String template, List<String> segments) {
    String[] t = template.substring(PREFIX.length()).split("/", -1);
    if (t.length != segments.size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      String s = segments.get(i);
      if (t[i].startsWith("{") && t[i].endsWith("}")) {
        if (s.isEmpty()) {
          return null;
        }
        params.put(t[i].substring(1, t[i].length() - 1), s);
      } else if (!t[i].equals(s)) {
        return null;
      }
    }
    return params;
  }

  /** JSON answers are never read as anything else, nor kept by a browser. */
  private static final Map<String, String> NO_SNIFF = Map.of("X-Content-Type-Options", "nosniff",
      "Cache-Control", "no-store");

  private Answer error(int status, String message, Map<String, String> headers) {
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(mapper.createObjectNode().put("error", message));
    } catch (IOException e) {
      body = "{\"error\":\"unserialisable message\"}".getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> all = new LinkedHashMap<>(NO_SNIFF);
    all.putAll(headers);
    return new Answer(status, body, 0, all);
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
