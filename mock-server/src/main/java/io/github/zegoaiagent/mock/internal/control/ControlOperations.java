package io.github.zegoaiagent.mock.internal.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.mock.control.model.Agent;
import io.github.zegoaiagent.mock.control.model.CallbackTarget;
import io.github.zegoaiagent.mock.control.model.CallbackTargetInForce;
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
import io.github.zegoaiagent.mock.control.model.Changes;
import io.github.zegoaiagent.mock.control.model.Names;
import io.github.zegoaiagent.mock.control.model.Timeline;
import io.github.zegoaiagent.mock.control.model.TimelineSummary;
import io.github.zegoaiagent.mock.internal.generated.control.ControlHandler;
import io.github.zegoaiagent.mock.internal.timeline.Timelines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The control API's operations (the generated {@link ControlHandler}) on a running mock. Bodies
 * arrive schema-valid; what the document cannot say (an instance that does not run, a full fault
 * plan, a value a value type refuses) is a {@link ControlException} with its status.
 */
final class ControlOperations implements ControlHandler<Void> {
  private static final TypeReference<List<Agent>> AGENTS = new TypeReference<>() { };
  private static final TypeReference<List<Instance>> INSTANCES = new TypeReference<>() { };
  private static final TypeReference<List<JournalEntry>> JOURNAL = new TypeReference<>() { };

  private final MockControl server;
  private final ObjectMapper mapper;
  private final Timelines timelines;
  private volatile Names names;

  ControlOperations(MockControl server, ObjectMapper mapper, Timelines timelines) {
    this.server = server;
    this.mapper = mapper;
    this.timelines = timelines;
  }

  @Override
  public Health health(Void c) {
    return new Health().status("ok");
  }

  @Override
  public Info info(Void c) {
    return new Info().baseUrl(server.baseUrl().toString()).appIds(new ArrayList<>(server.appIds()))
        .strict(server.strictNonces()).clockMillis(server.clock().millis())
        .callbackUrl(server.callbackUrl() == null ? null : server.callbackUrl().toString());
  }

  @Override
  public ResetResult reset(Void c) {
    server.reset();
    return new ResetResult().reset(true);
  }

  @Override
  public List<Agent> agents(Void c) {
    List<Agent> all = new ArrayList<>();
    for (long app : server.appIds()) {
      List<Agent> agents = mapper.convertValue(server.agents(app), AGENTS);
      agents.forEach(a -> a.setAppId(app));
      all.addAll(agents);
    }
    return all;
  }

  @Override
  public List<Instance> instances(Void c) {
    return mapper.convertValue(server.instances(), INSTANCES);
  }

  @Override
  public Instance instance(Void c, String agentInstanceId) {
    return mapper.convertValue(running(agentInstanceId), Instance.class);
  }

  @Override
  public Instance simulateUser(Void c, String agentInstanceId, UserSimulation user) {
    running(agentInstanceId);
    if (user.getPresent() != null) {
      server.setUserPresent(agentInstanceId, user.getPresent());
    }
    if (user.getPublishing() != null) {
      server.setUserPublishing(agentInstanceId, user.getUserId(), user.getPublishing());
    }
    if (user.getUtterance() != null) {
      server.setUserUtterance(agentInstanceId, user.getUtterance());
    }
    return instance(c, agentInstanceId);
  }

  @Override
  public ScriptLoaded loadScript(Void c, String agentInstanceId, Script script) {
    running(agentInstanceId);
    io.github.zegoaiagent.mock.script.ConversationScript parsed;
    try {
      // One reader of the script format: the schema-valid body goes through the public parser,
      // which also checks what the schema cannot (overlapping utterances, endAt before the end).
      parsed = io.github.zegoaiagent.mock.script.ConversationScript.fromTree(
          mapper.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
              .valueToTree(script));
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "script: " + e.getMessage());
    }
    long now = server.clock().millis();
    long end;
    try {
      end = server.loadScript(agentInstanceId, parsed);
    } catch (java.util.NoSuchElementException e) {
      throw new ControlException(404, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "script: " + e.getMessage());
    }
    return new ScriptLoaded().agentInstanceId(agentInstanceId).events(parsed.events().size())
        .startsAtMillis(now).endsAtMillis(end);
  }

  @Override
  public List<JournalEntry> journal(Void c) {
    return mapper.convertValue(server.journal(), JOURNAL);
  }

  @Override
  public List<Fault> faults(Void c) {
    List<Fault> out = new ArrayList<>();
    for (io.github.zegoaiagent.mock.values.Fault f : server.faults()) {
      out.add(new Fault().action(f.action()).count(f.count()).code(f.code()).message(f.message())
          .delayMillis(f.delay().toMillis()));
    }
    return out;
  }

  @Override
  public List<Fault> addFault(Void c, Fault f) {
    io.github.zegoaiagent.mock.values.Fault planned;
    try {
      planned = new io.github.zegoaiagent.mock.values.Fault(f.getAction(), f.getCount(), f.getCode(),
          f.getMessage(), Duration.ofMillis(f.getDelayMillis()));
    } catch (IllegalArgumentException e) {
      throw new ControlException(400, "fault: " + e.getMessage());
    }
    try {
      server.injectFault(planned);
    } catch (IllegalStateException full) {
      throw new ControlException(409, full.getMessage());
    }
    return faults(c);
  }

  @Override
  public List<Fault> clearFaults(Void c) {
    server.clearFaults();
    return faults(c);
  }

  @Override
  public ClockReading clock(Void c) {
    return new ClockReading().millis(server.clock().millis());
  }

  @Override
  public ClockReading advanceClock(Void c, ClockAdvance advance) {
    server.advanceClock(Duration.ofMillis(advance.getMillis()));
    return clock(c);
  }

  @Override
  public LlmReplyInForce setLlmReply(Void c, LlmReply reply) {
    String fixed = reply.getReply();
    server.setLlmReply(fixed == null ? io.github.zegoaiagent.mock.values.LlmReply.echo()
        : io.github.zegoaiagent.mock.values.LlmReply.fixed(fixed));
    return new LlmReplyInForce().reply(fixed == null ? "(echo)" : fixed);
  }

  @Override
  public QpsLimit setQpsLimit(Void c, QpsLimit limit) {
    server.setQpsLimit(limit.getLimit());
    return new QpsLimit().limit(limit.getLimit());
  }

  @Override
  public CallbackTargetInForce setCallbackTarget(Void c, CallbackTarget target) {
    java.net.URI url;
    try {
      url = target.getUrl() == null ? null : new java.net.URI(target.getUrl());
      server.setCallbackTarget(url, target.getSecret());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new ControlException(400, "url: not an absolute http or https URL"); // never echoes the secret
    }
    return new CallbackTargetInForce().url(server.callbackUrl() == null ? null : server.callbackUrl().toString());
  }

  @Override
  public Callbacks callbacks(Void c) {
    ObjectNode n = mapper.valueToTree(server.callbackStats());
    com.fasterxml.jackson.databind.node.ArrayNode events = n.putArray("events");
    server.callbacks().forEach(events::add);
    return mapper.convertValue(n, Callbacks.class);
  }

  @Override
  public io.github.zegoaiagent.mock.control.model.DriftReport drift(Void c) {
    return mapper.convertValue(server.driftReport(), io.github.zegoaiagent.mock.control.model.DriftReport.class);
  }

  @Override
  public io.github.zegoaiagent.mock.control.model.DriftReport clearDrift(Void c) {
    server.clearDrift();
    return drift(c);
  }

  @Override
  public io.github.zegoaiagent.mock.control.model.DriftReportWritten writeDriftReport(Void c) {
    java.nio.file.Path file;
    try {
      file = server.writeDriftReport();
    } catch (java.io.UncheckedIOException e) {
      throw new ControlException(409, e.getMessage() + ": " + e.getCause().getMessage());
    }
    return new io.github.zegoaiagent.mock.control.model.DriftReportWritten()
        .path(file == null ? null : file.toString()).markdown(server.driftMarkdown());
  }

  @Override
  public Changes changes(Void c) {
    return new Changes().version(timelines.version()).clockMillis(server.clock().millis());
  }

  @Override
  public Names names(Void c) {
    Names n = names;
    if (n == null) {
      n = timelines.words().names();
      names = n;
    }
    return n;
  }

  @Override
  public List<TimelineSummary> timelines(Void c) {
    java.util.Set<String> running = new java.util.HashSet<>();
    server.instances().forEach(i -> running.add(i.agentInstanceId()));
    return timelines.summaries(running);
  }

  @Override
  public Timeline timeline(Void c, String agentInstanceId) {
    Instance now;
    try {
      now = mapper.convertValue(server.requireInstance(agentInstanceId), Instance.class);
    } catch (java.util.NoSuchElementException e) {
      now = null;
    }
    return timelines.timeline(agentInstanceId, now).orElseThrow(() -> new ControlException(404,
        "the mock knows nothing of instance " + clip(agentInstanceId) + " (never named in a request, or "
            + "forgotten after a reset or beyond the timeline's bounds)"));
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }

  private io.github.zegoaiagent.mock.values.InstanceSnapshot running(String id) {
    try {
      return server.requireInstance(id);
    } catch (java.util.NoSuchElementException e) {
      throw new ControlException(404, e.getMessage());
    }
  }
}
