package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The contract, typed and read-only: what every tool of the project (client tests, mock,
 * conformance suite, contract checks) reads instead of walking the YAML itself.
 *
 * <p>Reading a document checks the form of every {@code x-zego-*} extension and fails with a
 * {@link ContractException} listing each problem with its JSON pointer; an extension name the
 * model does not know is a problem too (a typo must not silently mean "absent"). The extensions:
 *
 * <ul>
 *   <li>root: {@code x-zego-tolerance} ({@link #tolerance()}), {@code x-zego-limits}
 *       ({@link #limits()}), {@code x-zego-return-codes} ({@link #returnCodes()}),
 *       {@code x-zego-custom-llm} ({@link #customLlm()}: its failure codes must be listed in an
 *       {@code x-zego-exception-codes} map);
 *   <li>operations: {@code x-zego-action}, {@code x-zego-errors} (codes of
 *       {@code x-zego-return-codes}), {@code x-zego-live-digital-human: allowed},
 *       {@code x-zego-read-only: true|false} (see {@link Action});
 *   <li>schemas: {@code x-zego-secret: true|false} ({@link Action#secrets()},
 *       {@link #secretNames()}), {@code x-zego-legacy} (a list of {@code {value, note}} on a string
 *       enum not listing the value; {@link #enums()}), {@code x-zego-assumed} (keywords the schema
 *       states), {@code x-zego-exclusive} ({@link #exclusives()}), {@code x-zego-exception-codes};
 *   <li>servers: {@code x-zego-region}; security schemes: {@code x-zego-schema}.
 * </ul>
 *
 * <p>Raw schemas stay JSON: {@link #node(String)} answers a copy of any node by the pointers the
 * model hands out, {@link #document()} a copy of the whole document. Nothing the model returns can
 * change it.
 */
public final class ZegoContract {
  /** Classpath location of the contract inside the zego-aiagent-openapi jar. */
  public static final String RESOURCE = "openapi/zego-aiagent.yaml";

  private static volatile ZegoContract packaged;

  private final String source;
  private final JsonNode root;
  private final List<Action> actions;
  private final Map<String, Action> byName;
  private final Map<Integer, ReturnCode> returnCodes;
  private final Tolerance tolerance;
  private final Limits limits;
  private final List<Callback> callbacks;
  private final List<EnumValues> enums;
  private final List<DefaultValue> defaults;
  private final List<Exclusive> exclusives;
  private final Set<String> secretNames;
  private final CustomLlm customLlm;

  private ZegoContract(String source, JsonNode root) {
    this.source = source;
    this.root = root;
    ContractReader reader = new ContractReader(root);
    reader.readRoot();
    this.actions = List.copyOf(reader.actions());
    this.callbacks = List.copyOf(reader.callbacks());
    if (!reader.problems.isEmpty()) {
      throw new ContractException(source, reader.problems);
    }
    Map<String, Action> names = new LinkedHashMap<>();
    actions.forEach(a -> names.put(a.name(), a));
    this.byName = Collections.unmodifiableMap(names);
    this.returnCodes = Collections.unmodifiableMap(new LinkedHashMap<>(reader.returnCodes));
    this.tolerance = reader.tolerance;
    this.limits = reader.limits;
    this.enums = List.copyOf(reader.enums);
    this.defaults = List.copyOf(reader.defaults);
    this.exclusives = List.copyOf(reader.exclusives);
    this.secretNames = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(reader.secretNames));
    this.customLlm = reader.customLlm;
  }

  /**
   * @return the contract packaged in this jar ({@value #RESOURCE}), read once per class loader
   *     (from the build's JSON copy of it when there is one, {@code openapi/zego-aiagent.json})
   * @throws ContractException when it is missing or not a readable contract
   */
  public static ZegoContract load() {
    ZegoContract c = packaged;
    if (c == null) {
      synchronized (ZegoContract.class) {
        c = packaged;
        if (c == null) {
          c = readResource();
          packaged = c;
        }
      }
    }
    return c;
  }

  private static ZegoContract readResource() {
    JsonNode packagedJson = PackagedContract.read(ZegoContract.class.getClassLoader());
    if (packagedJson != null) {
      return new ZegoContract("classpath:" + RESOURCE, packagedJson); // the same tree, read faster
    }
    try (InputStream in = ZegoContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ContractException(RESOURCE, "not on the class path (dependency "
            + "io.github.zegoaiagent:zego-aiagent-openapi missing?)", null);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new ContractException(RESOURCE, "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * @param file a contract document (YAML or JSON)
   * @return its model
   * @throws ContractException when it cannot be read or is not a contract of this form
   */
  public static ZegoContract parse(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new ContractException(file.toString(), "cannot be read: " + e, e);
    }
  }

  /**
   * @param yaml a contract document (YAML or JSON text)
   * @param source what to call it in messages (a file name)
   * @return its model
   * @throws ContractException when it is not readable YAML (duplicate keys included) or not a
   *     contract of this form
   */
  public static ZegoContract parse(String yaml, String source) {
    JsonNode tree;
    try {
      tree = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(yaml);
    } catch (IOException e) {
      throw new ContractException(source, "is not readable YAML: " + String.join(" ",
          String.valueOf(e.getMessage()).lines().map(String::strip).toList()), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ContractException(source, "is not a YAML mapping", null);
    }
    return new ZegoContract(source, tree);
  }

  /** @return where the document came from, as named in messages */
  public String source() {
    return source;
  }

  /** @return every action, in contract order */
  public List<Action> actions() {
    return actions;
  }

  /**
   * @param name a wire action name
   * @return the action
   * @throws NoSuchElementException naming it when the contract has no such action
   */
  public Action action(String name) {
    Action a = byName.get(name);
    if (a == null) {
      throw new NoSuchElementException("no action " + name + " in the contract " + source);
    }
    return a;
  }

  /** @return the action, if the contract has it */
  public Optional<Action> findAction(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** @return {@code x-zego-return-codes} by code, in contract order */
  public Map<Integer, ReturnCode> returnCodes() {
    return returnCodes;
  }

  /** @return the documented code, if listed */
  public Optional<ReturnCode> returnCode(int code) {
    return Optional.ofNullable(returnCodes.get(code));
  }

  /**
   * @param name a return-code name such as {@code AGENT_NOT_FOUND}
   * @return its entry
   * @throws NoSuchElementException naming it when the contract has no code of that name
   */
  public ReturnCode returnCode(String name) {
    return returnCodes.values().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no return code " + name + " in " + source));
  }

  /** @return {@code x-zego-tolerance} */
  public Tolerance tolerance() {
    return tolerance;
  }

  /** @return the root {@code x-zego-custom-llm} (the exchange with a user's own LLM), if the document has one */
  public Optional<CustomLlm> customLlm() {
    return Optional.ofNullable(customLlm);
  }

  /** @return {@code x-zego-limits} */
  public Limits limits() {
    return limits;
  }

  /** @return every {@code components.callbacks} operation, in contract order */
  public List<Callback> callbacks() {
    return callbacks;
  }

  /** @return every schema with an {@code enum} (outside examples), with its legacy values */
  public List<EnumValues> enums() {
    return enums;
  }

  /**
   * The listed spelling of a case variant, for the enums {@code x-zego-tolerance.caseInsensitiveValues}
   * names: {@code Bytedance} → {@code ByteDance}, {@code minimax} → {@code MiniMax}.
   *
   * @param schemaPointer a JSON pointer of an enum schema
   * @param value a value sent for it
   * @return the enum or legacy value equal to {@code value} when case is ignored; empty when the
   *     schema is not case-insensitive, when {@code value} is already listed as written, or when
   *     nothing matches
   */
  public Optional<String> listedSpelling(String schemaPointer, String value) {
    if (value == null || !tolerance.caseInsensitiveValues().contains(schemaPointer)) {
      return Optional.empty();
    }
    for (EnumValues e : enums) {
      if (e.schema().equals(schemaPointer)) {
        List<String> all = new java.util.ArrayList<>(e.values().stream().map(v -> Pointers.json(v).asText()).toList());
        e.legacy().forEach(l -> all.add(l.value()));
        if (all.contains(value)) {
          return Optional.empty();
        }
        return all.stream().filter(v -> v.equalsIgnoreCase(value)).findFirst();
      }
    }
    return Optional.empty();
  }

  /** @return every {@code x-zego-legacy} value of the document */
  public List<LegacyValue> legacyValues() {
    return enums.stream().flatMap(e -> e.legacy().stream()).toList();
  }

  /** @return every schema {@code default} of the document (outside examples) */
  public List<DefaultValue> defaults() {
    return defaults;
  }

  /**
   * @param schemaPointer a JSON pointer of a schema
   * @return its {@code default}, if it states one
   */
  public Optional<DefaultValue> defaultOf(String schemaPointer) {
    return defaults.stream().filter(d -> d.schema().equals(schemaPointer)).findFirst();
  }

  /** @return every {@code x-zego-exclusive} list */
  public List<Exclusive> exclusives() {
    return exclusives;
  }

  /**
   * @param schemaPointer a JSON pointer of an object schema (after {@code $ref}s, e.g. {@link SchemaRef#target()})
   * @return its {@code x-zego-exclusive} list, if it has one
   */
  public Optional<Exclusive> exclusiveOf(String schemaPointer) {
    return exclusives.stream().filter(e -> e.schema().equals(schemaPointer)).findFirst();
  }

  /**
   * @return the name of every property marked {@code x-zego-secret: true} anywhere (requests,
   *     answers, callbacks), as written
   */
  public Set<String> secretNames() {
    return secretNames;
  }

  /**
   * @param pointer a JSON pointer into the document (as the model hands them out)
   * @return a copy of the node there
   * @throws NoSuchElementException naming the pointer when nothing is there
   */
  public JsonNode node(String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode()) {
      throw new NoSuchElementException("nothing at #" + pointer + " in " + source);
    }
    return n.deepCopy();
  }

  /** @return a copy of the whole document */
  public JsonNode document() {
    return root.deepCopy();
  }

  /**
   * The tolerant document: a copy with each {@code x-zego-legacy} value added to its schema's
   * {@code enum}, which is what the service accepts and may answer
   * ({@code x-zego-tolerance.legacyValues}, ADR 0004). Validators of what the service receives or
   * sends compile their schemas from it.
   *
   * @return the copy
   */
  public JsonNode documentWithLegacyValues() {
    JsonNode copy = root.deepCopy();
    for (EnumValues e : enums) {
      if (!e.legacy().isEmpty()) {
        ArrayNode values = (ArrayNode) copy.at(e.schema()).get("enum");
        e.legacy().forEach(l -> values.add(l.value()));
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    return "ZegoContract[" + source + ", " + actions.size() + " actions, " + returnCodes.size() + " return codes]";
  }
}
