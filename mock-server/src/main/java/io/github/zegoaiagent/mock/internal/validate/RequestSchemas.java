package io.github.zegoaiagent.mock.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.networknt.schema.JsonSchema;


import com.networknt.schema.SchemaLocation;



import com.networknt.schema.ValidationMessage;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Validates a request body against its operation's request schema in the packaged contract.
 *
 * <p>Schemas are built once per JVM, each at its action's first use (OpenAPI 3.0 dialect,
 * internal {@code $ref}s resolved by the validator). A violation becomes {@link Codes#INVALID_PARAMETER} with a message
 * such as {@code RTC.AgentUserId: length 33 exceeds maxLength 32}; the limit comes from the
 * spec, never from this class.
 */
public final class RequestSchemas {
  /** At most this many violations are named in one Message. */
  private static final int MAX_REPORTED = 3;

  /**
   * Compiled schemas by spec pointer, shared by every server of the JVM (the packaged contract is
   * the same for all), each built on first use: compiling all of them before serving was most of
   * the standalone start-up time (BENCHMARKS.md).
   */
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final AtomicBoolean WARMING = new AtomicBoolean();
  /**
   * The contract's components with each {@code x-zego-legacy} value added to its {@code enum}:
   * the service accepts legacy values (x-zego-tolerance.legacyValues), so the mock does too.
   */
  private static final JsonNode TOLERANT_COMPONENTS = Contract.load().tolerantRoot().path("components");
  private static final TolerantReader TOLERANCE = new TolerantReader(Contract.load());
  private static final Map<String, JsonNode> REQUEST_SCHEMAS = new ConcurrentHashMap<>();

  private final Map<String, String> requestPaths;
  private volatile boolean warmUpWanted;

  /**
   * @param requestPaths action name to JSON pointer of its request schema in the spec
   */
  public RequestSchemas(Map<String, String> requestPaths) {
    this.requestPaths = Map.copyOf(requestPaths);
  }

  /**
   * Asks for the remaining schemas to be compiled on a background daemon thread, once per JVM, so
   * they are ready before most first requests. The thread starts after the first validation, not
   * now: compiling 19 schemas while the server starts competed with the start-up for the CPU
   * (BENCHMARKS.md, "Start-up").
   */
  public void warmUpInBackground() {
    warmUpWanted = true;
  }

  private void startWarmUp() {
    if (WARMING.compareAndSet(false, true)) {
      Thread t = new Thread(() -> requestPaths.keySet().forEach(this::schema), "zego-mock-schema-warm-up");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
    }
  }

  /** The action's compiled schema (see {@link #SCHEMAS}). */
  private JsonSchema schema(String action) {
    String pointer = requestPaths.get(action);
    if (pointer == null) {
      throw new IllegalStateException("no schema for " + action);
    }
    return SCHEMAS.computeIfAbsent(pointer, p -> {
      // Built from the already parsed contract (not by URI), so the YAML is read once per JVM.
      JsonNode root = Contract.load().root();
      ObjectNode document = JsonNodeFactory.instance.objectNode();
      document.putArray("allOf").add(root.at(p));
      document.set("components", TOLERANT_COMPONENTS);
      JsonSchema schema = OpenApiSchemas.FACTORY.getSchema(SchemaLocation.of("urn:zego-aiagent:request:" + action), document, OpenApiSchemas.CONFIG);
      schema.initializeValidators(); // resolve every $ref now, not while validating
      return schema;
    });
  }

  /**
   * @param action wire action name
   * @param body the parsed body
   * @throws ApiError 410000003 naming the field and the limit when the body violates the schema
   */
  public void validate(String action, JsonNode body) {
    JsonSchema schema = schema(action);
    if (warmUpWanted) {
      warmUpWanted = false;
      startWarmUp();
    }
    Set<ValidationMessage> messages = schema.validate(body);
    if (messages.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    Iterator<ValidationMessage> it = messages.iterator();
    int shown = 0;
    while (it.hasNext() && shown < MAX_REPORTED) {
      if (shown > 0) {
        sb.append("; ");
      }
      sb.append(ViolationFormatter.format(it.next()));
      shown++;
    }
    if (messages.size() > shown) {
      sb.append(" (and ").append(messages.size() - shown).append(" more)");
    }
    throw new ApiError(Codes.INVALID_PARAMETER, sb.toString());
  }

  /**
   * Applies the contract's tolerance rules ({@link TolerantReader}) before validation: call it first,
   * then validate and decode the body it returns.
   *
   * @param action wire action name
   * @param body the parsed body, handed over (changed in place, see {@link TolerantReader#inspect})
   * @return the body as the service reads it, with the unknown fields and legacy values noticed
   */
  public TolerantReader.Inspected inspect(String action, JsonNode body) {
    String pointer = requestPaths.get(action);
    if (pointer == null) {
      throw new IllegalStateException("no schema for " + action);
    }
    return TOLERANCE.inspect(REQUEST_SCHEMAS.computeIfAbsent(pointer, Contract.load().root()::at), body);
  }

  /** @return the actions this validator knows */
  public List<String> actions() {
    return List.copyOf(requestPaths.keySet());
  }
}
