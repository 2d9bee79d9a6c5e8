package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.control.MockControl;
import io.github.zegoaiagent.mock.control.MockControlException;
import io.github.zegoaiagent.mock.control.model.Agent;
import io.github.zegoaiagent.mock.control.model.Callbacks;
import io.github.zegoaiagent.mock.control.model.ClockAdvance;
import io.github.zegoaiagent.mock.control.model.ClockReading;
import io.github.zegoaiagent.mock.control.model.Fault;
import io.github.zegoaiagent.mock.control.model.Health;
import io.github.zegoaiagent.mock.control.model.Info;
import io.github.zegoaiagent.mock.control.model.Instance;
import io.github.zegoaiagent.mock.control.model.JournalEntry;
import io.github.zegoaiagent.mock.control.model.LlmReply;
import io.github.zegoaiagent.mock.control.model.LlmReplyInForce;
import io.github.zegoaiagent.mock.control.model.QpsLimit;
import io.github.zegoaiagent.mock.control.model.ResetResult;
import io.github.zegoaiagent.mock.control.model.Script;
import io.github.zegoaiagent.mock.control.model.ScriptLoaded;
import io.github.zegoaiagent.mock.control.model.UserSimulation;
import io.github.zegoaiagent.mock.internal.generated.control.ControlRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The control API for a caller in the mock's own JVM (what {@code MockServer} implements
 * {@link MockControl} with): the same operations as over HTTP, the same schema check of every
 * body (a copy of it, so the caller's object is never changed or kept), the same statuses as a
 * {@link MockControlException}, and no serialization of the answers. Thread-safe.
 */
public final class InProcessControl implements MockControl {
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
    this.json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  @SuppressWarnings("unchecked")
  private <T> T call(String operationId, Map<String, String> params, Object body) {
    ControlRoutes.Route route = ROUTES.get(operationId);
    String path = route.path();
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getValue() == null || p.getValue().isEmpty()) {
        throw new IllegalArgumentException(p.getKey() + " must not be empty");
      }
      path = path.replace("{" + p.getKey() + "}", p.getValue());
    }
    try {
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
  public List<Fault> addFault(Fault fault) {
    return call("addFault", Map.of(), fault);
  }

  @Override
  public ClockReading advanceClock(ClockAdvance clockAdvance) {
    return call("advanceClock", Map.of(), clockAdvance);
  }

  @Override
  public List<Agent> agents() {
    return call("agents", Map.of(), null);
  }

  @Override
  public Callbacks callbacks() {
    return call("callbacks", Map.of(), null);
  }

  @Override
  public List<Fault> clearFaults() {
    return call("clearFaults", Map.of(), null);
  }

  @Override
  public List<Fault> faults() {
    return call("faults", Map.of(), null);
  }

  @Override
  public Health health() {
    return call("health", Map.of(), null);
  }

  @Override
  public Info info() {
    return call("info", Map.of(), null);
  }

  @Override
  public Instance instance(String agentInstanceId) {
    return call("instance", id(agentInstanceId), null);
  }

  @Override
  public List<Instance> instances() {
    return call("instances", Map.of(), null);
  }

  @Override
  public List<JournalEntry> journal() {
    return call("journal", Map.of(), null);
  }

  @Override
  public ScriptLoaded loadScript(String agentInstanceId, Script script) {
    return call("loadScript", id(agentInstanceId), script);
  }

  @Override
  public ClockReading readClock() {
    return call("readClock", Map.of(), null);
  }

  @Override
  public ResetResult reset() {
    return call("reset", Map.of(), null);
  }

  @Override
  public LlmReplyInForce setLlmReply(LlmReply llmReply) {
    return call("setLlmReply", Map.of(), llmReply);
  }

  @Override
  public QpsLimit setQpsLimit(QpsLimit qpsLimit) {
    return call("setQpsLimit", Map.of(), qpsLimit);
  }

  @Override
  public Instance simulateUser(String agentInstanceId, UserSimulation userSimulation) {
    return call("simulateUser", id(agentInstanceId), userSimulation);
  }

  private static Map<String, String> id(String agentInstanceId) {
    Map<String, String> m = new HashMap<>();
    m.put("agentInstanceId", agentInstanceId);
    return m;
  }

  @Override
  public String toString() {
    return "InProcessControl[" + operations + "]";
  }
}
