package io.github.zegoaiagent.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.listening.WalkieTalkie;
import io.github.zegoaiagent.client.model.AddAgentInstanceMsgRequest;
import io.github.zegoaiagent.client.model.AdvancedConfig;
import io.github.zegoaiagent.client.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.client.model.CreateAgentInstanceRequest;
import io.github.zegoaiagent.client.model.DeleteAgentInstanceRequest;
import io.github.zegoaiagent.client.model.LLM;
import io.github.zegoaiagent.client.model.Message;
import io.github.zegoaiagent.client.model.Priority;
import io.github.zegoaiagent.client.model.RTC;
import io.github.zegoaiagent.client.model.RegisterAgentRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceLLMRequest;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.model.TTS;
import io.github.zegoaiagent.client.model.TTSParams;
import io.github.zegoaiagent.client.model.UnregisterAgentRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.control.model.Agent;
import io.github.zegoaiagent.mock.control.model.ContextMessage;
import io.github.zegoaiagent.mock.control.model.Instance;
import io.github.zegoaiagent.mock.values.MockClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 64 concurrent clients drive the real client against an in-process mock with mixed actions
 * (register/unregister, create, TTS/LLM, walkie-talkie turns, context messages, status, delete)
 * until {@code reliability.loadRequests} requests were sent. Then: no unexpected error, the mock's
 * agents and instances are exactly what the clients created minus what they deleted, every
 * instance's context holds exactly its client's messages in order, no deadlock, heap bounded.
 * Sizes and figures: RELIABILITY.md.
 */
class LoadIT {
  static final int CLIENTS = 64;
  /** Hang detector only, not a performance bound. */
  static final Duration WATCHDOG = Duration.ofMinutes(9);
  static final int LIVE_PER_CLIENT = 4;
  /** After GC, the heap may grow by at most this over the run (the mock's caps keep it flat). */
  static final long HEAP_GROWTH_BOUND = 96L * 1024 * 1024;

  private final AtomicLong sent = new AtomicLong();
  private final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();
  private final Map<String, String> firstError = new ConcurrentHashMap<>();

  /** What one client believes exists, checked against the mock at the end. */
  static final class Ledger {
    final String mainAgent;
    final List<String> spareAgents = new ArrayList<>();
    final Map<String, List<String>> marks = new HashMap<>(); // live instance -> messages it added
    final Map<String, Boolean> walkie = new HashMap<>();
    final Map<String, String> users = new HashMap<>();
    long created;
    long deleted;
    long registered;
    long unregistered;

    Ledger(String mainAgent) {
      this.mainAgent = mainAgent;
    }
  }

  @Test
  void sixtyFourClientsKeepTheMockConsistent() throws Exception {
    long target = Long.getLong("reliability.loadRequests", 4000);
    MockServer mock = MockServer.start(MockServerConfig.builder()
        .clock(MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z")))
        .qpsLimit(0)
        .maxConcurrentInstances(CLIENTS * LIVE_PER_CLIENT + 16)
        .maxAgents(1_000_000)
        .build());
    try {
      ZegoAiAgentClient client = ZegoAiAgentClient.builder()
          .appId(mock.appId()).serverSecret(mock.serverSecret()).endpoint(mock.baseUrl())
          .clock(Clock.fixed(Instant.ofEpochMilli(mock.clock().millis()), ZoneOffset.UTC)) // the mock's clock never moves here.retryPolicy(RetryPolicy.none())
          .readTimeout(Duration.ofSeconds(60)) // hang detector
          .build();
      long heapBefore = usedHeapAfterGc();
      long startNanos = System.nanoTime(); // reported, never asserted
      List<Ledger> ledgers = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        Ledger l = new Ledger("load_" + t);
        ledgers.add(l);
        int id = t;
        done.add(pool.submit(() -> run(client, l, id, target)));
      }
      pool.shutdown();
      if (!pool.awaitTermination(WATCHDOG.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
        throw new AssertionError("load did not finish within the watchdog: " + threadReport());
      }
      for (Future<?> f : done) {
        f.get(); // a client that died on an assertion or bug
      }
      assertThat(ManagementFactory.getThreadMXBean().findDeadlockedThreads()).as("deadlocked threads").isNull();
      assertThat(unexpected).as("unexpected errors, first of each: %s", firstError).isEmpty();
      assertThat(sent.get()).isGreaterThanOrEqualTo(target);

      checkState(mock, ledgers);
      long heapAfter = usedHeapAfterGc();
      System.out.printf("LoadIT: %d s; %d clients, %d requests, created %d, deleted %d, live %d, agents %d; "
              + "heap after GC %d MiB before, %d MiB after; journal %d, recorded callbacks %d%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), CLIENTS, sent.get(), ledgers.stream().mapToLong(l -> l.created).sum(),
          ledgers.stream().mapToLong(l -> l.deleted).sum(), mock.instances().size(), mock.agents().size(),
          heapBefore >> 20, heapAfter >> 20, mock.journal().size(), mock.callbacks().getEvents().size());
      assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(HEAP_GROWTH_BOUND);
      assertThat(mock.journal().size()).isLessThanOrEqualTo(mock.config().caps().journalSize());
      assertThat(mock.callbacks().getEvents().size()).isLessThanOrEqualTo(mock.config().caps().recordedEventsSize());
    } finally {
      mock.close();
    }
  }

  private void run(ZegoAiAgentClient c, Ledger l, int t, long target) {
    Random rnd = new Random(t);
    call("RegisterAgent", () -> c.agents().registerAgent(agent(l.mainAgent)));
    l.registered++;
    int n = 0;
    while (sent.get() < target) {
      n++;
      List<String> live = new ArrayList<>(l.marks.keySet());
      int op = rnd.nextInt(100);
      if (op < 6) {
        String spare = l.mainAgent + "_s" + n;
        if (call("RegisterAgent", () -> c.agents().registerAgent(agent(spare)))) {
          l.spareAgents.add(spare);
          l.registered++;
        }
      } else if (op < 10 && !l.spareAgents.isEmpty()) {
        String spare = l.spareAgents.remove(l.spareAgents.size() - 1);
        if (call("UnregisterAgent", () -> c.agents().unregisterAgent(new UnregisterAgentRequest().agentId(spare)))) {
          l.unregistered++;
        }
      } else if (op < 22 && live.size() < LIVE_PER_CLIENT || live.isEmpty()) {
        String key = t + "_" + n;
        boolean wt = rnd.nextBoolean();
        String[] id = new String[1];
        if (call("CreateAgentInstance", () -> id[0] = c.instances().createAgentInstance(new CreateAgentInstanceRequest()
            .agentId(l.mainAgent).userId("u_" + key)
            .rtc(new RTC().roomId("r_" + key).agentStreamId("as_" + key).agentUserId("au_" + key).userStreamId("us_" + key))
            .advancedConfig(new AdvancedConfig().communicationMode(wt ? AdvancedConfig.CommunicationModeEnum.WALKIE_TALKIE
                : AdvancedConfig.CommunicationModeEnum.FULL_DUPLEX)))
            .getData().getAgentInstanceId())) {
          l.created++;
          l.marks.put(id[0], new ArrayList<>());
          l.walkie.put(id[0], wt);
          l.users.put(id[0], "u_" + key);
        }
      } else {
        String inst = live.get(rnd.nextInt(live.size()));
        int step = n;
        if (op < 32) {
          if (call("DeleteAgentInstance", () -> c.instances().deleteAgentInstance(new DeleteAgentInstanceRequest().agentInstanceId(inst)))) {
            l.deleted++;
            l.marks.remove(inst);
          }
        } else if (op < 52) {
          String text = "mark:" + inst + ":" + n;
          if (call("AddAgentInstanceMsg", () -> c.control().addAgentInstanceMsg(new AddAgentInstanceMsgRequest()
              .agentInstanceId(inst).messages(List.of(new Message().role(Message.RoleEnum.USER).content(text)))))) {
            l.marks.get(inst).add(text);
          }
        } else if (op < 62) {
          call("QueryAgentInstanceStatus", () -> c.control().queryAgentInstanceStatus(new AgentInstanceIdRequest().agentInstanceId(inst)));
        } else if (l.walkie.get(inst)) {
          WalkieTalkie turn = c.walkieTalkie(inst, null);
          if (call("StartListening", turn::start)) {
            call("StopListening", turn::stop);
          }
        } else if (op < 82) {
          call("SendAgentInstanceTTS", () -> c.control().sendAgentInstanceTTS(new SendAgentInstanceTTSRequest()
              .agentInstanceId(inst).text("Hello " + step).priority(Priority.HIGH)));
        } else {
          call("SendAgentInstanceLLM", () -> c.control().sendAgentInstanceLLM(new SendAgentInstanceLLMRequest()
              .agentInstanceId(inst).text("Question " + step).priority(Priority.HIGH)));
        }
      }
    }
  }

  /** One request; any exception is an unexpected error, counted per action and kind. */
  private boolean call(String action, Runnable r) {
    sent.incrementAndGet();
    try {
      r.run();
      return true;
    } catch (RuntimeException e) {
      String key = action + " " + e.getClass().getSimpleName();
      unexpected.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      firstError.putIfAbsent(key, String.valueOf(e.getMessage()));
      return false;
    }
  }

  private static void checkState(MockServer mock, List<Ledger> ledgers) {
    Set<String> expectedAgents = new HashSet<>();
    Map<String, Ledger> owner = new HashMap<>();
    long created = 0;
    long deleted = 0;
    for (Ledger l : ledgers) {
      expectedAgents.add(l.mainAgent);
      expectedAgents.addAll(l.spareAgents);
      l.marks.keySet().forEach(id -> owner.put(id, l));
      created += l.created;
      deleted += l.deleted;
      assertThat(l.registered - l.unregistered).isEqualTo(1 + l.spareAgents.size());
    }
    assertThat(mock.agents().stream().map(Agent::getAgentId).collect(Collectors.toSet()))
        .as("agents = registered − unregistered").isEqualTo(expectedAgents);
    List<Instance> instances = mock.instances();
    assertThat((long) instances.size()).as("live instances = created − deleted").isEqualTo(created - deleted);
    assertThat(instances.stream().map(Instance::getAgentInstanceId).collect(Collectors.toSet()))
        .isEqualTo(owner.keySet());
    for (Instance i : instances) {
      Ledger l = owner.get(i.getAgentInstanceId());
      assertThat(i.getAgentId()).isEqualTo(l.mainAgent);
      assertThat(i.getUserId()).isEqualTo(l.users.get(i.getAgentInstanceId()));
      assertThat(i.getShuttingDown()).isFalse();
      assertThat(i.getWalkieTalkie()).isEqualTo(l.walkie.get(i.getAgentInstanceId()));
      List<String> marks = mock.instance(i.getAgentInstanceId()).getContext().stream()
          .map(ContextMessage::getContent).filter(s -> s.startsWith("mark:")).collect(Collectors.toList());
      assertThat(marks).as("context of %s", i.getAgentInstanceId()).isEqualTo(l.marks.get(i.getAgentInstanceId()));
    }
  }

  private static RegisterAgentRequest agent(String id) {
    return new RegisterAgentRequest().agentId(id).name("Load " + id)
        .llm(new LLM().url("https://api.openai.com/v1/chat/completions").apiKey("sk-load").model("gpt-4o-mini"))
        .tts(new TTS().vendor(TTS.VendorEnum.BYTE_DANCE_V3).params(new TTSParams().app(Map.of("appid", "a", "token", "t"))));
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String threadReport() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] dead = mx.findDeadlockedThreads();
    StringBuilder b = new StringBuilder(dead == null ? "no deadlock; threads:\n" : "DEADLOCK:\n");
    for (ThreadInfo ti : mx.dumpAllThreads(true, true)) {
      if (dead == null || java.util.Arrays.stream(dead).anyMatch(d -> d == ti.getThreadId())) {
        b.append(ti);
      }
    }
    return b.toString();
  }
}
