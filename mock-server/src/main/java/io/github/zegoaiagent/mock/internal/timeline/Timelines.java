package io.github.zegoaiagent.mock.internal.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.control.model.CallbackDelivery;
import io.github.zegoaiagent.mock.control.model.Instance;
import io.github.zegoaiagent.mock.control.model.Timeline;
import io.github.zegoaiagent.mock.control.model.TimelineEntry.KindEnum;
import io.github.zegoaiagent.mock.control.model.TimelineSummary;
import io.github.zegoaiagent.mock.internal.callback.DeliveryListener;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.script.ScriptEvent;
import io.github.zegoaiagent.mock.values.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * What happened to each instance, on the mock clock, for the dashboard and
 * {@code GET /_mock/instances/{id}/timeline}: the API requests that named it, every callback
 * event the simulation produced for it (also those its CallbackConfig switches off) with each
 * delivery attempt, the steps of its conversation scripts and changes to its simulated user.
 *
 * <p>Bounded: the latest {@link #MAX_ENTRIES} entries of all instances and {@link #MAX_CHARS}
 * characters of text in all (each text clipped to 4 KiB); older entries are forgotten. Each
 * recording is O(1) under this object's own lock (never the simulation's); a read copies one
 * instance's entries. Secrets are masked before anything is kept ({@code mask}).
 */
public final class Timelines implements DeliveryListener, RequestListener {
  /** Entries kept of all instances. */
  public static final int MAX_ENTRIES = 20_000;
  /** Characters kept of all entries. */
  public static final long MAX_CHARS = 8L * 1024 * 1024;
  /** Planned steps shown per loaded script (the rest are summed up in one entry). */
  static final int MAX_PLANNED = 200;
  /** Longest instance id kept as a key (a longer one in a request is clipped). */
  static final int MAX_ID = 256;

  private final LongSupplier clock;
  private final UnaryOperator<JsonNode> mask;
  private final ContractWords words;
  private final EventWords events;
  private final AtomicLong version = new AtomicLong();
  /** The order given to a request when it arrived, so it sorts before what it caused. */
  private final ThreadLocal<long[]> requestOrder = new ThreadLocal<>();
  /** The instance a create request made, seen on its thread before the request is journaled. */
  private final ThreadLocal<String> created = new ThreadLocal<>();
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Map<Long, Entry> bySequence = new HashMap<>();
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private long order;
  private long chars;

  /** What is known of one instance besides its entries. */
  private static final class Line {
    Long appId;
    String agentId;
    Integer deletedCode;
    int count;
    long forgotten;
  }

  /**
   * @param clock the mock clock, epoch millis
   * @param mask masks secrets in a JSON tree by name (returns a masked copy)
   * @param words the contract's words for codes and events
   */
  public Timelines(LongSupplier clock, UnaryOperator<JsonNode> mask, ContractWords words) {
    this.clock = clock;
    this.mask = mask;
    this.words = words;
    this.events = new EventWords(words);
  }

  /** @return grows with every change a watcher may show */
  public long version() {
    return version.get();
  }

  /** Something a watcher may show changed outside the timeline (a control call, say). */
  public void touch() {
    version.incrementAndGet();
  }

  /** @return the contract's words this timeline uses */
  public ContractWords words() {
    return words;
  }

  @Override
  public void received() {
    long o;
    synchronized (this) {
      o = order++;
    }
    requestOrder.set(new long[] {o});
  }

  @Override
  public void answered(JournalEntry j, long nanos) {
    long[] reserved = requestOrder.get();
    requestOrder.remove();
    String made = created.get();
    created.remove();
    String id = instanceNamedIn(j.body());
    if (id == null && made != null && j.action() != null && j.action().startsWith("Create") && j.code() == 0) {
      id = made;
    }
    if (id == null) {
      version.incrementAndGet(); // the journal grew
      return;
    }
    String name = words.returnCodeName(j.code());
    synchronized (this) {
      Entry e = new Entry(id, reserved != null ? reserved[0] : order++, j.atMillis(), KindEnum.REQUEST,
          j.action() + " answered Code " + j.code() + (name == null ? "" : " " + name));
      e.action = j.action();
      e.code = (long) j.code();
      e.codeName = name;
      e.journalSequence = j.sequence();
      e.detail = Entry.clip(j.body());
      e.text = Entry.clip(BodyFields.string(j.body(), "Text"));
      if (j.code() != 0 && j.message() != null) {
        e.text = Entry.clip(j.message());
      }
      add(e, j.appId(), null);
    }
  }

  @Override
  public void produced(JsonNode event, boolean queued, String why) {
    String id = event.path("AgentInstanceId").asText(null);
    if (id == null) {
      version.incrementAndGet();
      return;
    }
    String name = event.path("Event").asText();
    if ("AgentInstanceCreated".equals(name)) {
      created.set(id);
    }
    JsonNode data = mask.apply(event.path("Data"));
    synchronized (this) {
      Entry e = eventEntry(id, name, data);
      e.sequence = event.path("Sequence").asLong();
      if (queued) {
        e.state = CallbackDelivery.StateEnum.QUEUED;
        e.note = "queued for delivery";
        bySequence.put(e.sequence, e);
      } else if ("no callback URL".equals(why)) {
        e.state = CallbackDelivery.StateEnum.RECORDED_ONLY;
        e.note = "recorded only: the mock has no callback URL (start it with --callback-url, or "
            + "callbackUrl(...) in Java), so nothing is sent";
      } else {
        e.state = CallbackDelivery.StateEnum.DROPPED;
        e.note = "not sent: " + why;
      }
      Line line = add(e, event.path("AppId").isNumber() ? event.path("AppId").asLong() : null,
          event.path("AgentId").asText(null));
      if ("AgentInstanceDeleted".equals(name)) {
        line.deletedCode = data.path("Code").asInt();
        dropPlanned(id, clock.getAsLong());
      }
    }
  }

  @Override
  public void switchedOff(JsonNode event) {
    String id = event.path("AgentInstanceId").asText(null);
    if (id == null) {
      return;
    }
    String name = event.path("Event").asText();
    JsonNode data = mask.apply(event.path("Data"));
    synchronized (this) {
      Entry e = eventEntry(id, name, data);
      e.state = CallbackDelivery.StateEnum.SWITCHED_OFF;
      e.note = "CallbackConfig." + name + " is off for this instance, so nothing is sent (send "
          + "\"CallbackConfig\":{\"" + name + "\":1} in CreateAgentInstance to receive it)";
      add(e, event.path("AppId").isNumber() ? event.path("AppId").asLong() : null, event.path("AgentId").asText(null));
    }
  }

  @Override
  public void attempted(long sequence, int number, long sentAtMillis, boolean ok, String outcome, long nextAtMillis) {
    synchronized (this) {
      Entry e = bySequence.get(sequence);
      if (e == null) {
        return; // forgotten (or reset) meanwhile
      }
      long before = e.chars();
      e.attempt(number, sentAtMillis, ok, outcome, nextAtMillis);
      chars += e.chars() - before;
      if (nextAtMillis < 0) {
        bySequence.remove(sequence); // no further attempt will come
      }
    }
    version.incrementAndGet();
  }

  /**
   * A conversation script was loaded: one entry now, one planned entry per step at its time
   * (what remained planned of an earlier script is dropped, as the mock drops those steps).
   */
  public void scriptLoaded(String instanceId, ConversationScript script, long now) {
    synchronized (this) {
      dropPlanned(instanceId, now);
      Entry loaded = new Entry(instanceId, order++, now, KindEnum.SCRIPT, "Script loaded: " + script.events().size()
          + (script.events().size() == 1 ? " event" : " events") + ", ends at +" + script.endAt().toMillis() + " ms");
      add(loaded, null, null);
      int shown = 0;
      for (ScriptEvent s : script.events()) {
        if (shown++ == MAX_PLANNED) {
          add(new Entry(instanceId, order++, now + s.at().toMillis(), KindEnum.SCRIPT, "Script: "
              + (script.events().size() - MAX_PLANNED) + " more events not listed here"), null, null);
          break;
        }
        Entry e = new Entry(instanceId, order++, now + s.at().toMillis(), KindEnum.SCRIPT, "Script: " + words(s));
        e.planned = true;
        e.text = s.text();
        add(e, null, null);
      }
    }
  }

  /** The simulated user changed through the control API or Java. */
  public void user(String instanceId, String what) {
    synchronized (this) {
      add(new Entry(instanceId, order++, clock.getAsLong(), KindEnum.USER, what), null, null);
    }
  }

  /** Forgets everything (the mock's reset). */
  public void clear() {
    synchronized (this) {
      entries.clear();
      bySequence.clear();
      lines.clear();
      chars = 0;
    }
    version.incrementAndGet();
  }

  /**
   * @param instanceId id
   * @param now the instance now (masked), or null when it does not run
   * @return its timeline, or empty when nothing is known of it
   */
  public Optional<Timeline> timeline(String instanceId, Instance now) {
    List<Entry> mine = new ArrayList<>();
    Line line;
    synchronized (this) {
      line = lines.get(instanceId);
      for (Entry e : entries) {
        if (e.instanceId.equals(instanceId)) {
          mine.add(e);
        }
      }
      if (line == null && now == null) {
        return Optional.empty();
      }
      mine.sort(Comparator.comparingLong((Entry e) -> e.atMillis).thenComparingLong(e -> e.order));
      Timeline t = new Timeline().agentInstanceId(instanceId).running(now != null).instance(now)
          .appId(now != null ? now.getAppId() : line.appId).forgotten(line == null ? 0 : line.forgotten)
          .entries(new ArrayList<>(mine.size()));
      mine.forEach(e -> t.addEntriesItem(e.toModel()));
      return Optional.of(t);
    }
  }

  /**
   * @param running ids of the instances running now
   * @return one line per instance with entries, latest activity first
   */
  public List<TimelineSummary> summaries(Set<String> running) {
    Map<String, TimelineSummary> out = new LinkedHashMap<>();
    synchronized (this) {
      for (Entry e : entries) {
        TimelineSummary s = out.computeIfAbsent(e.instanceId, id -> {
          Line l = lines.getOrDefault(id, new Line());
          return new TimelineSummary().agentInstanceId(id).running(running.contains(id)).appId(l.appId)
              .agentId(l.agentId).deletedCode(l.deletedCode).entries(0).firstAtMillis(e.atMillis).lastAtMillis(e.atMillis);
        });
        s.entries(s.getEntries() + 1).firstAtMillis(Math.min(s.getFirstAtMillis(), e.atMillis))
            .lastAtMillis(Math.max(s.getLastAtMillis(), e.atMillis));
      }
    }
    List<TimelineSummary> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparingLong(TimelineSummary::getLastAtMillis).reversed());
    return list;
  }

  private Entry eventEntry(String id, String name, JsonNode data) {
    Entry e = new Entry(id, order++, clock.getAsLong(), KindEnum.EVENT, null);
    e.title = Entry.clip(events.title(name, data, e));
    e.text = Entry.clip(e.text);
    e.playedText = Entry.clip(e.playedText);
    e.event = name;
    e.detail = Entry.clip(data.toString());
    return e;
  }

  /** Adds an entry (under the lock), forgetting the oldest beyond the bounds. */
  private Line add(Entry e, Long appId, String agentId) {
    long size = e.chars();
    while (!entries.isEmpty() && (entries.size() >= MAX_ENTRIES || chars + size > MAX_CHARS)) {
      forget(entries.removeFirst());
    }
    entries.addLast(e);
    chars += size;
    Line line = lines.computeIfAbsent(e.instanceId, k -> new Line());
    line.count++;
    if (line.appId == null) {
      line.appId = appId;
    }
    if (line.agentId == null) {
      line.agentId = agentId;
    }
    version.incrementAndGet();
    return line;
  }

  private void forget(Entry e) {
    chars -= e.chars();
    if (e.sequence != null) {
      bySequence.remove(e.sequence);
    }
    Line line = lines.get(e.instanceId);
    if (line != null && --line.count == 0) {
      lines.remove(e.instanceId);
    } else if (line != null) {
      line.forgotten++;
    }
  }

  /** Drops the instance's planned script steps after {@code after} (they will not happen). */
  private void dropPlanned(String instanceId, long after) {
    entries.removeIf(e -> {
      boolean drop = e.planned && e.atMillis > after && e.instanceId.equals(instanceId);
      if (drop) {
        chars -= e.chars();
        Line line = lines.get(instanceId);
        if (--line.count == 0) {
          lines.remove(instanceId);
        }
      }
      return drop;
    });
  }

  private static String words(ScriptEvent s) {
    switch (s.type()) {
      case SPEAK:
        return (s.userId() == null ? "the user" : "user " + s.userId()) + " says \u201c" + s.text() + "\u201d ("
            + s.duration().toMillis() + " ms)";
      case LEAVE:
        return "the user leaves the room (MaxIdleTime counts from here)";
      default:
        return "the user joins the room";
    }
  }

  /** The AgentInstanceId a request body names (clipped to {@link #MAX_ID}), or null. */
  private static String instanceNamedIn(String body) {
    String id = BodyFields.string(body, "AgentInstanceId");
    return id == null || id.isEmpty() ? null : id.length() <= MAX_ID ? id : id.substring(0, MAX_ID) + "…";
  }
}
