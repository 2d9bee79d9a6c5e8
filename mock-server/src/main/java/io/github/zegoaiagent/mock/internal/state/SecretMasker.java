package io.github.zegoaiagent.mock.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.SecretPath;
import io.github.zegoaiagent.contract.ZegoContract;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks credentials before anything the mock shows (journal, {@code /_mock/agents}, instance
 * snapshots, recorded callback events, {@code toString()}) can carry them. It fails closed:
 *
 * <ul>
 *   <li><b>By schema path</b>: for each action, the paths of the properties the contract marks
 *       {@code x-zego-secret: true} in its request schema (as the typed model finds them:
 *       following {@code $ref}, {@code allOf} / {@code oneOf} / {@code anyOf}, array {@code items}
 *       and map value schemas), for example {@code LLM.ApiKey} and {@code TTS.Params.app}, become
 *       {@code "***"}.
 *   <li><b>By name, as a safety net</b>: any property anywhere whose name equals a secret's name
 *       case-insensitively is masked too, so an unknown action, a typo such as {@code apikey} (an
 *       unknown field the mock ignores) or a schema path this walk missed still leaks nothing.
 *   <li><b>Unparseable bodies</b> are never kept: {@link #maskBody} answers their size and a note
 *       instead, since a truncated body may still hold an {@code ApiKey} no parser can find.
 * </ul>
 *
 * <p>The wire answers are not masked: {@code QueryAgents} returns credentials as the service does.
 */
public final class SecretMasker {
  /** What a masked value becomes. */
  public static final String MASK = "***";

  private final ObjectMapper mapper;
  private final Set<String> names;
  /** {@link #names} compared without regard to case, without a lower-case copy of every key. */
  private final java.util.TreeSet<String> anyCase;
  private final Map<String, List<List<String>>> pathsByAction;

  /**
   * @param mapper JSON mapper (the one that reads requests: same strictness)
   * @param contract the typed contract: each action's secret paths and every secret property name
   */
  public SecretMasker(ObjectMapper mapper, ZegoContract contract) {
    this.mapper = mapper;
    Set<String> n = new HashSet<>();
    Map<String, List<List<String>>> byAction = new HashMap<>();
    for (Action a : contract.actions()) {
      byAction.put(a.name(), a.secrets().stream().map(SecretPath::path).toList());
      a.secrets().forEach(p -> n.add(p.name().toLowerCase(Locale.ROOT)));
    }
    contract.secretNames().forEach(name -> n.add(name.toLowerCase(Locale.ROOT)));
    this.names = Set.copyOf(n);
    this.anyCase = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    anyCase.addAll(n);
    this.pathsByAction = Map.copyOf(byAction);
  }

  /** @return lower-case names of every secret property of the contract */
  public Set<String> names() {
    return names;
  }

  /**
   * @param action an action name
   * @return wire paths of its request's secret properties, e.g. {@code [LLM, ApiKey]}
   */
  public List<List<String>> paths(String action) {
    return pathsByAction.getOrDefault(action, List.of());
  }

  /**
   * Masks a request body for the journal.
   *
   * @param action the request's Action (null or unknown: only the name-based net applies)
   * @param body the body bytes as received
   * @return the masked JSON text; {@code ""} for an empty body; for a body that is not JSON, a
   *     note with its size and no content
   */
  public String maskBody(String action, byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    JsonNode n;
    try {
      n = mapper.readTree(body);
    } catch (Exception e) {
      n = null;
    }
    return maskBody(action, n, body.length, Integer.MAX_VALUE);
  }

  /**
   * Masks an already parsed request body for the journal, writing at most about
   * {@code maxChars} characters of it (a 1 MiB body is not written out to keep 8 KiB of it).
   *
   * @param action the request's Action
   * @param parsed the body as parsed, or null when it was not JSON; masked in place (hand over a
   *     tree nobody reads afterwards: no copy is made, BENCHMARKS.md, issue 26)
   * @param bytes the body's length in bytes (0: empty)
   * @param maxChars characters wanted at most (the text may be a little longer; the caller clips)
   * @return the masked JSON text, {@code ""} for an empty body, or a note for a body that is not JSON
   */
  public String maskBody(String action, JsonNode parsed, int bytes, int maxChars) {
    if (bytes == 0) {
      return "";
    }
    if (parsed == null || parsed.isMissingNode()) {
      return notKept(bytes);
    }
    Bounded out = new Bounded(maxChars);
    try {
      mapper.writeValue(out, maskInPlace(action, parsed));
    } catch (Bounded.Full enough) {
      // the rest is not needed
    } catch (Exception e) {
      return notKept(bytes);
    }
    return out.toString();
  }

  /** A writer that keeps the first characters and then stops the serializer. */
  private static final class Bounded extends java.io.Writer {
    /** Thrown when enough is written. */
    static final class Full extends java.io.IOException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("enough", null);
      }
    }

    private final StringBuilder text = new StringBuilder();
    private final int max;

    Bounded(int max) {
      this.max = max;
    }

    @Override
    public void write(char[] c, int off, int len) throws Full {
      text.append(c, off, (int) Math.min(len, max + 1L - text.length()));
      if (text.length() > max) {
        throw new Full();
      }
    }

    @Override
    public void flush() {
      // nothing buffered here
    }

    @Override
    public void close() {
      // nothing to release
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static String notKept(int bytes) {
    return "(" + bytes + " bytes, not JSON: content not kept, secrets in it could not be masked)";
  }

  /**
   * @param action the action whose request schema {@code json} follows (may be null)
   * @param json a request body or a part of the mock's state shaped like one
   * @return a masked deep copy
   */
  public JsonNode mask(String action, JsonNode json) {
    if (json == null) {
      return null;
    }
    return maskInPlace(action, json.deepCopy());
  }

  private JsonNode maskInPlace(String action, JsonNode json) {
    for (List<String> p : paths(action)) {
      maskPath(json, p, 0);
    }
    maskNames(json);
    return json;
  }

  /**
   * @param json any JSON (callback event, stored object of unknown shape)
   * @return a deep copy with every property named like a secret masked
   */
  public JsonNode maskByName(JsonNode json) {
    if (json == null) {
      return null;
    }
    JsonNode copy = json.deepCopy();
    maskNames(copy);
    return copy;
  }

  /**
   * Masks an object that sits under {@code property} in {@code action}'s request (for example
   * the stored {@code LLM} object of an agent).
   *
   * @return a masked deep copy, or null for null
   */
  public JsonNode maskPart(String action, String property, JsonNode part) {
    if (part == null) {
      return null;
    }
    ObjectNode wrapper = mapper.createObjectNode();
    wrapper.set(property, part.deepCopy());
    return mask(action, wrapper).get(property);
  }

  private static void maskPath(JsonNode n, List<String> p, int i) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> maskPath(c, p, i));
      return;
    }
    if (!n.isObject()) {
      return;
    }
    ObjectNode o = (ObjectNode) n;
    String key = p.get(i);
    List<String> keys = new ArrayList<>();
    if ("*".equals(key)) {
      o.fieldNames().forEachRemaining(keys::add);
    } else if (o.has(key)) {
      keys.add(key);
    }
    for (String k : keys) {
      if (i == p.size() - 1) {
        if (!o.get(k).isNull()) {
          o.put(k, MASK);
        }
      } else {
        maskPath(o.get(k), p, i + 1);
      }
    }
  }

  private void maskNames(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (anyCase.contains(e.getKey()) && !e.getValue().isNull()) {
          e.setValue(o.textNode(MASK));
        } else {
          maskNames(e.getValue());
        }
      }
    } else if (n.isArray()) {
      n.forEach(this::maskNames);
    }
  }
}
