package io.github.zegoaiagent.mock.internal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInfo;
import io.github.zegoaiagent.mock.internal.generated.model.EmptyResponse;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsData;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsRequest;
import io.github.zegoaiagent.mock.internal.generated.model.ListAgentsResponse;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsData;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsRequest;
import io.github.zegoaiagent.mock.internal.generated.model.QueryAgentsResponse;
import io.github.zegoaiagent.mock.internal.generated.model.RegisterAgentRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UnregisterAgentRequest;
import io.github.zegoaiagent.mock.internal.generated.model.UpdateAgentRequest;
import io.github.zegoaiagent.mock.internal.state.AgentRecord;
import io.github.zegoaiagent.mock.internal.state.AppState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The agents aggregate: RegisterAgent, UnregisterAgent, UpdateAgent, ListAgents, QueryAgents on
 * the typed requests. A stored agent is built (copied and measured) before the App's agents lock
 * is taken ({@link #recordOf}, {@link #updated}); under it ({@link Simulator}) each step is
 * constant-size or a page of references.
 */
final class AgentsHandler {
  private final Rules config;
  private final ObjectMapper mapper;
  private final ContractDefaults defaults;

  AgentsHandler(Rules config, ObjectMapper mapper, ContractDefaults defaults) {
    this.config = config;
    this.mapper = mapper;
    this.defaults = defaults;
  }

  /**
   * Raw view: LLM, TTS and ASR are stored exactly as sent (the generated models would add their
   * defaults and re-shape vendor Params), and QueryAgents answers them back unchanged.
   *
   * @return the agent RegisterAgent stores (built before any lock)
   */
  AgentRecord recordOf(CallContext ctx, RegisterAgentRequest req) {
    JsonNode b = ctx.body();
    return AgentRecord.of(req.getAgentId(), req.getName(), b.get("LLM"), b.get("TTS"), b.get("ASR"));
  }

  public EmptyResponse registerAgent(AppState app, AgentRecord r) {
    if (app.agent(r.agentId()) != null) {
      throw new ApiError(Codes.AGENT_ALREADY_EXISTS, "agent already exists: " + r.agentId());
    }
    if (app.agents().size() >= config.caps().maxAgents()) {
      throw new ApiError(Codes.INVALID_PARAMETER, "AgentId: the mock keeps at most "
          + config.caps().maxAgents() + " agents per App (cap maxAgents); unregister some first");
    }
    store(app, r);
    return new EmptyResponse();
  }

  /** Stores {@code r} in place of the agent of its AgentId (if any), within the caps and the budget. */
  private void store(AppState app, AgentRecord r) {
    long after = app.agentCharsWith(r);
    if (after > config.caps().maxAgentBytes()) {
      throw new ApiError(Codes.INVALID_PARAMETER, "AgentId: the mock keeps at most "
          + config.caps().maxAgentBytes() + " characters of agent JSON per App (cap maxAgentBytes; "
          + app.agentChars() + " stored, this agent " + r.chars() + "); unregister some first");
    }
    if (!app.storeAgent(r)) {
      throw new ApiError(Codes.INVALID_PARAMETER, "AgentId: " + state(r)
          + "; unregister agents, delete instances or POST /_mock/reset");
    }
  }

  private static String state(AgentRecord r) {
    return "the mock's memory budget has no room for this agent (" + r.chars() + " characters)";
  }

  public EmptyResponse unregisterAgent(AppState app, UnregisterAgentRequest req) {
    AgentRecord old = app.removeAgent(req.getAgentId());
    if (old == null) {
      throw agentNotFound(req.getAgentId());
    }
    return new EmptyResponse();
  }

  /** @return the stored agent UpdateAgent changes (under the lock) */
  AgentRecord current(AppState app, String agentId) {
    AgentRecord old = app.agent(agentId);
    if (old == null) {
      throw agentNotFound(agentId);
    }
    return old;
  }

  /**
   * Replace-what-is-sent: each top-level object present replaces the stored one whole.
   *
   * @return the agent UpdateAgent stores in place of {@code old} (built before any lock)
   */
  AgentRecord updated(CallContext ctx, AgentRecord old, UpdateAgentRequest req) {
    JsonNode b = ctx.body(); // raw view, as in registerAgent
    return AgentRecord.of(old.agentId(),
        ctx.sent("Name") ? req.getName() : old.name(),
        ctx.sent("LLM") ? b.get("LLM") : old.llm(),
        ctx.sent("TTS") ? b.get("TTS") : old.tts(),
        ctx.sent("ASR") ? b.get("ASR") : old.asr());
  }

  /**
   * @return false when the agent changed since {@code old} was read (the caller builds again)
   */
  boolean replace(AppState app, AgentRecord old, AgentRecord updated) {
    AgentRecord now = current(app, old.agentId());
    if (now != old) {
      return false;
    }
    store(app, updated);
    return true;
  }

  public ListAgentsResponse listAgents(AppState app, ListAgentsRequest req) {
    // The contract: "0 or absent means" its default.
    int limit = req.getLimit() == null || req.getLimit() == 0 ? defaults.listAgentsLimit : req.getLimit();
    String after = decodeCursor(req.getCursor());
    NavigableMap<String, AgentRecord> agents = app.agents();
    Map<String, AgentRecord> tail = after == null ? agents : agents.tailMap(after, false);
    List<AgentInfo> page = new ArrayList<>();
    String last = null;
    for (AgentRecord a : tail.values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(info(a));
      last = a.agentId();
    }
    boolean more = last != null && agents.higherKey(last) != null;
    String cursor = more ? Base64.getUrlEncoder().withoutPadding()
        .encodeToString(last.getBytes(StandardCharsets.UTF_8)) : "";
    return new ListAgentsResponse().data(new ListAgentsData()
        .total(agents.size()).agents(page).cursor(cursor));
  }

  private static String decodeCursor(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(Codes.INVALID_PARAMETER,
          "Cursor: not a Cursor returned by ListAgents (send it back unchanged, or empty for the first page)");
    }
  }

  public QueryAgentsResponse queryAgents(AppState app, QueryAgentsRequest req) {
    List<AgentInfo> found = new ArrayList<>();
    for (String id : new LinkedHashSet<>(req.getAgentIds())) {
      AgentRecord a = app.agent(id);
      if (a != null) {
        found.add(info(a));
      }
    }
    return new QueryAgentsResponse().data(new QueryAgentsData().agents(found));
  }

  /**
   * The agent exactly as RegisterAgent/UpdateAgent stored it: no default is filled in (the
   * generated AgentInfo would add LLM.Temperature, ASR.Vendor, ...), credentials included as the
   * service returns them (reference §5.4).
   */
  private AgentInfo info(AgentRecord a) {
    ObjectNode n = mapper.createObjectNode();
    n.put("AgentId", a.agentId());
    if (a.name() != null) {
      n.put("Name", a.name());
    }
    putIfPresent(n, "LLM", a.llm());
    putIfPresent(n, "TTS", a.tts());
    putIfPresent(n, "ASR", a.asr());
    return new StoredAgent(n);
  }

  /** An AgentInfo that serializes as the stored JSON, not as the generated model with its defaults. */
  static final class StoredAgent extends AgentInfo {
    private final JsonNode stored;

    StoredAgent(JsonNode stored) {
      this.stored = stored;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    JsonNode stored() {
      return stored;
    }
  }


  static ApiError agentNotFound(String agentId) {
    return new ApiError(Codes.AGENT_NOT_FOUND, "agent not found: " + agentId);
  }

  static void putIfPresent(ObjectNode n, String field, JsonNode value) {
    if (value != null && !value.isNull()) {
      n.set(field, value);
    }
  }
}
