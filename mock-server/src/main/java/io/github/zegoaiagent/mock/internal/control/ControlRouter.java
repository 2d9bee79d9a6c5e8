package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.internal.generated.control.ControlRoutes;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import io.github.zegoaiagent.mock.internal.timeline.Timelines;
import io.github.zegoaiagent.mock.internal.ui.DashboardAssets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control and inspection API under {@code /_mock/}, routed by the table generated from its
 * document ({@code src/main/openapi/mock-control.yaml}, {@link ControlRoutes#all()}): 403 for a
 * caller not on loopback (unless remote control is on), 404 for an unknown path, 405 with
 * {@code Allow} for a known path with another method, 400 for a body that is not JSON or breaks
 * the operation's schema, then the operation on the mock's {@link MockControl}; 503 when the
 * answer does not fit in the memory budget; 500 only for a bug. Before any of that, a browser
 * request from another site, or (remote control off) for a Host that is no loopback name, gets
 * 403 ({@link BrowserPolicy}). The dashboard's files under {@code /_mock/ui/} are served by
 * {@link DashboardAssets} behind the same checks.
 */
public final class ControlRouter {
  /** Path prefix of the control API. */
  public static final String PREFIX = "/_mock/";
  /** Largest control request body. */
  static final int MAX_BODY = 64 * 1024;
  private static final List<ControlRoutes.Route> ROUTES = ControlRoutes.all();
  /** The order methods are named in {@code Allow}. */
  private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final MockControl operations;
  private final ControlSchemas schemas = new ControlSchemas();
  private final ObjectMapper mapper;
  /** Bodies are decoded after schema validation; the schemas say which fields exist. */
  private final ObjectMapper decoder;
  private final boolean remoteAllowed;
  private final MemoryBudget budget;
  private final Timelines timelines;
  private final DashboardAssets dashboard = new DashboardAssets();

  /**
   * @param operations the mock's control operations (they throw {@link ControlException})
   * @param mapper JSON mapper
   * @param remoteAllowed whether non-loopback callers are served
   * @param budget the memory budget an answer is built within
   * @param timelines what happened to each instance (told when a call changed something)
   */
  public ControlRouter(MockControl operations, ObjectMapper mapper, boolean remoteAllowed, MemoryBudget budget,
      Timelines timelines) {
    this.operations = operations;
    this.timelines = timelines;
    this.mapper = mapper;
    this.decoder = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.remoteAllowed = remoteAllowed;
    this.budget = budget;
    ControlSchemas.requirePackaged(); // a build without the document fails at start-up; it is read at first use
  }

  /**
   * @param method HTTP method
   * @param rawPath raw path, starting with {@link #PREFIX}
   * @return whether answering may wait for something (the clock's move waits for LLM answers in
   *     flight), so the front runs it off its event loop
   */
  public static boolean mayWait(String method, String rawPath) {
    return "POST".equals(method) && rawPath.startsWith(PREFIX + "clock/advance");
  }

  /**
   * Answers one control request.
   *
   * @param method HTTP method
   * @param rawTarget raw path, starting with {@link #PREFIX}, and {@code ?} and the query when there is one
   * @param remote the caller
   * @param in body bytes
   * @param tooLarge whether the body was longer than the front's cap
   * @return status and JSON
   */
  public Answer answer(String method, String rawTarget, InetSocketAddress remote, byte[] in,
      boolean tooLarge) {
    return answer(method, rawTarget, remote, Map.of(), in, tooLarge);
  }

  /**
   * Answers one control request.
   *
   * @param method HTTP method
   * @param rawTarget raw path, starting with {@link #PREFIX}, and {@code ?} and the query when there is one
   * @param remote the caller
   * @param headers the request's Host, Origin and Sec-Fetch-Site headers, by lower-case name
   *     ({@link io.github.zegoaiagent.mock.internal.http.Endpoints.Control#HEADERS})
   * @param in body bytes
   * @param tooLarge whether the body was longer than the front's cap
   * @return status and JSON (HTML, CSS or JavaScript for the dashboard)
   */
  public Answer answer(String method, String rawTarget, InetSocketAddress remote, Map<String, String> headers,
      byte[] in, boolean tooLarge) {
    try {
      if (!LoopbackPolicy.allows(remote, remoteAllowed)) {
        return error(403, "the control API answers loopback callers only (start the mock with remote control allowed to change this)", Map.of());
      }
      int q = rawTarget.indexOf('?');
      String rawPath = q < 0 ? rawTarget : rawTarget.substring(0, q);
      String refused = BrowserPolicy.refusal(headers, remoteAllowed);
      if (refused != null) {
        return error(403, refused, Map.of());
      }
      if (DashboardAssets.owns(rawPath)) {
        return dashboard.answer(method, rawPath);
      }
      List<String> segments = segments(rawPath);
      Map<String, Object> params = new LinkedHashMap<>();
      ControlRoutes.Route route = null;
      List<String> allowed = new ArrayList<>();
      for (ControlRoutes.Route r : ROUTES) {
        Map<String, Object> p = match(r.path(), segments);
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
          allowed.sort(Comparator.comparingInt(METHOD_ORDER::indexOf));
          String allow = String.join(", ", allowed);
          return error(405, "method " + method + " not allowed on " + rawPath + "; allowed: " + allow,
              Map.of("Allow", allow));
        }
        return error(404, "no control route " + method + " " + rawPath + " (see mock-control.yaml)", Map.of());
      }
      params.putAll(query(route, q < 0 ? null : rawTarget.substring(q + 1)));
      Object body = null;
      if (route.bodyType() != null) {
        if (tooLarge || in.length > MAX_BODY) {
          return error(400, "body larger than " + MAX_BODY + " bytes", Map.of());
        }
        body = decode(route, in);
      }
      byte[] out = write(route.invoker().invoke(operations, params, body));
      if (!route.method().equals("GET")) {
        timelines.touch(); // a watcher (the dashboard) refreshes what it shows
      }
      return new Answer(200, out, NO_SNIFF);
    } catch (ControlException e) {
      return error(e.status(), e.getMessage(), Map.of());
    } catch (IOException | RuntimeException e) {
      // A bug in the mock is not the caller's fault: say so (never dressed up as a 400).
      return error(500, "bug in the mock's control API (" + e.getClass().getSimpleName() + "); please report it", Map.of());
    }
  }

  private Object decode(ControlRoutes.Route route, byte[] in) {
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

  /**
   * The route's query parameters, decoded and typed as the document declares them; a parameter
   * the operation does not take, one given twice, or a value its type or schema refuses is a 400
   * (a filter silently ignored would answer everything).
   */
  private Map<String, Object> query(ControlRoutes.Route route, String rawQuery) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    String op = route.method() + " " + route.path();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair);
      Class<?> type = route.queryParams().get(name);
      if (type == null) {
        if (route.queryParams().isEmpty()) {
          throw new ControlException(400, op + " takes no query parameters (got " + clip(name) + ")");
        }
        String like = io.github.zegoaiagent.contract.DidYouMean.closest(name, route.queryParams().keySet());
        throw new ControlException(400, "unknown query parameter " + clip(name) + " of " + op
            + (like == null ? "" : "; did you mean " + like + "?") + " It takes: " + String.join(", ", route.queryParams().keySet()));
      }
      if (out.containsKey(name)) {
        throw new ControlException(400, "query parameter " + name + " of " + op + " given twice");
      }
      Object typed = typed(name, value, type);
      schemas.validateParameter(route.operationId(), route.method(), route.path(), name, mapper.valueToTree(typed));
      out.put(name, typed);
    }
    return out;
  }

  private static Object typed(String name, String value, Class<?> type) {
    try {
      if (type == Integer.class) {
        return Integer.valueOf(value);
      }
      if (type == Long.class) {
        return Long.valueOf(value);
      }
    } catch (NumberFormatException e) {
      throw new ControlException(400, "query parameter " + name + ": " + clip(value) + " is not an integer");
    }
    if (type == Boolean.class) {
      if (!value.equals("true") && !value.equals("false")) {
        throw new ControlException(400, "query parameter " + name + ": " + clip(value) + " is not true or false");
      }
      return Boolean.valueOf(value);
    }
    return value;
  }

  private static String decode(String s, String pair) {
    try {
      return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "malformed percent-escape in the query " + clip(pair));
    }
  }

  /** The answer's JSON, built within the memory budget (charged while it grows, then given back). */
  private byte[] write(Object result) throws IOException {
    Account account = budget.account();
    try (Budgeted out = new Budgeted(account)) {
      mapper.writeValue(out, result);
      return out.toByteArray();
    } catch (IOException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof ControlException refused) {
          throw refused; // Jackson wraps what the stream threw
        }
      }
      throw e;
    } finally {
      account.close();
    }
  }

  /** A byte buffer that charges the budget for what it grows by; 503 when it does not fit. */
  private static final class Budgeted extends ByteArrayOutputStream {
    private final Account account;
    private long charged;

    Budgeted(Account account) {
      super(8192);
      this.account = account;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      grow(len);
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      grow(1);
      super.write(b);
    }

    private void grow(int len) {
      long need = 2L * (count + len) - charged; // the buffer and its final copy
      if (need > 0) {
        long step = Math.max(need, 256 * 1024);
        if (!account.tryCharge(step, "a control API answer")) {
          throw new ControlException(503, "the answer cannot be written now: " + account.budget().refusal()
              + "; read instances one at a time (GET /_mock/instances/{id}) or free memory"
              + " (delete instances, POST /_mock/reset)");
        }
        charged += step;
      }
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
  private static Map<String, Object> match(String template, List<String> segments) {
    String[] t = template.substring(PREFIX.length()).split("/", -1);
    if (t.length != segments.size()) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>();
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
    return new Answer(status, body, all);
  }

  static String clip(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
