package io.github.zegoaiagent.mock.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.contract.ReturnCode;
import io.github.zegoaiagent.contract.ZegoContract;
import java.util.List;
import java.util.Optional;

/**
 * The packaged contract as the mock reads it: the typed model ({@link ZegoContract}, from the
 * openapi module) plus the two raw documents the schema validators compile from. Every fact comes
 * from the model; this class only keeps the copies for the JVM's lifetime.
 */
public final class Contract {
  /** Classpath location of the spec inside the zego-aiagent-openapi jar. */
  public static final String RESOURCE = ZegoContract.RESOURCE;

  private static volatile Contract instance;

  private final ZegoContract model;
  private final JsonNode root;
  private final JsonNode tolerant;

  private Contract(ZegoContract model) {
    this.model = model;
    this.root = model.document();
    this.tolerant = model.documentWithLegacyValues();
  }

  /**
   * @return the contract on the classpath, loaded on first use
   */
  public static Contract load() {
    Contract c = instance;
    if (c == null) {
      synchronized (Contract.class) {
        c = instance;
        if (c == null) {
          c = new Contract(ZegoContract.load());
          instance = c;
        }
      }
    }
    return c;
  }

  /** @return the typed model */
  public ZegoContract model() {
    return model;
  }

  /** @return the whole document (one shared copy: read-only by convention) */
  public JsonNode root() {
    return root;
  }

  /**
   * @return the document with each {@code x-zego-legacy} value added to its {@code enum} (what
   *     the service accepts; one shared copy, read-only by convention)
   */
  public JsonNode tolerantRoot() {
    return tolerant;
  }

  /**
   * @param name key under {@code x-zego-limits}
   * @return its integer value
   * @throws IllegalArgumentException naming the key when the contract has no such limit
   */
  public int limit(String name) {
    return model.limits().get(name);
  }

  /** @return {@code x-zego-limits.callbackRetryDelaysSeconds} */
  public List<Integer> callbackRetryDelaysSeconds() {
    return model.limits().callbackRetryDelaysSeconds().stream().map(Math::toIntExact).toList();
  }

  /**
   * @param code a return code
   * @return its entry in {@code x-zego-return-codes}, if listed
   */
  public Optional<ReturnCode> returnCode(int code) {
    return model.returnCode(code);
  }
}
