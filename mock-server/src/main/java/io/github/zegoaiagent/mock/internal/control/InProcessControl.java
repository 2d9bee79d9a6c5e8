package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.internal.generated.control.ControlRoutes;
import java.util.HashMap;
import java.util.Map;

/**
 * The control API for a caller in the mock's own JVM (what {@code MockServer} implements
 * {@link MockControl} with): the same operations as over HTTP, the same schema check of every
 * body (a copy of it, so the caller's object is never changed or kept), the same statuses as a
 * {@link MockControlException}, and no serialization of the answers. Thread-safe.
 */
public final class InProcessControl extends ControlRoutes.Forwarding {
  private static final Map<String, ControlRoutes.Route> ROUTES = new HashMap<>();

  static {
    ControlRoutes.all().forEach(r -> ROUTES.put(r.operationId(), r));
  }

  private final MockControl operations;
  private final ControlSchemas schemas = new ControlSchemas();
  private final ObjectMapper json;

  /** @param operations the mock's control operations (they throw {@link ControlException}) */
  public InProcessControl(MockControl operations) {
    this.operations = operations;
    this.json = new ObjectMapper()
        .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected <T> T call(String operationId, Map<String, Object> given, Object body) {
    ControlRoutes.Route route = ROUTES.get(operationId);
    String path = route.path();
    Map<String, Object> params = new HashMap<>();
    Map<String, Object> query = new HashMap<>();
    for (Map.Entry<String, Object> p : given.entrySet()) {
      if (route.queryParams().containsKey(p.getKey())) {
        if (p.getValue() != null) { // a query parameter not given is null
          query.put(p.getKey(), p.getValue());
        }
        continue;
      }
      if (!(p.getValue() instanceof String s) || s.isEmpty()) {
        throw new IllegalArgumentException(p.getKey() + " must not be empty");
      }
      path = path.replace("{" + p.getKey() + "}", s);
      params.put(p.getKey(), s);
    }
    try {
      for (Map.Entry<String, Object> q : query.entrySet()) {
        schemas.validateParameter(route.operationId(), route.method(), route.path(), q.getKey(),
            json.valueToTree(q.getValue()));
      }
      params.putAll(query);
      Object checked = null;
      if (route.bodyType() != null) {
        if (body == null && route.bodyRequired()) {
          throw new ControlException(400, "body of " + route.method() + " " + route.path() + " is required");
        }
        JsonNode tree = body == null ? json.createObjectNode() : json.valueToTree(body);
        schemas.validate(route.operationId(), route.method(), route.path(), tree);
        checked = decode(route, tree);
      }
      return (T) route.invoker().invoke(operations, params, checked);
    } catch (ControlException e) {
      throw new MockControlException(route.method(), path, e.status(), e.getMessage(), null);
    }
  }

  private Object decode(ControlRoutes.Route route, JsonNode tree) {
    try {
      return json.treeToValue(tree, route.bodyType());
    } catch (JsonProcessingException e) {
      throw new ControlException(400, "body of " + route.method() + " " + route.path() + ": "
          + ControlRouter.clip(e.getOriginalMessage()));
    }
  }

  @Override
  public String toString() {
    return "InProcessControl[" + operations + "]";
  }
}
