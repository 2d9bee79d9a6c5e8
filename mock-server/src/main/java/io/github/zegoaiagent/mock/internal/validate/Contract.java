package io.github.zegoaiagent.mock.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The packaged contract ({@code /openapi/zego-aiagent.yaml} from the openapi module), parsed once.
 *
 * <p>Gives the service-wide numbers of {@code x-zego-limits} so the mock never restates them by
 * hand, and the document itself for schema validation.
 */
public final class Contract {
  /** Classpath location of the spec inside the zego-aiagent-openapi jar. */
  public static final String RESOURCE = "openapi/zego-aiagent.yaml";

  private static volatile Contract instance;

  private final JsonNode root;

  private Contract(JsonNode root) {
    this.root = root;
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
          c = new Contract(read());
          instance = c;
        }
      }
    }
    return c;
  }

  private static JsonNode read() {
    ClassLoader cl = Contract.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("contract " + RESOURCE + " not on the classpath "
            + "(dependency io.github.zegoaiagent:zego-aiagent-openapi missing?)");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** @return the whole document (read-only by convention) */
  public JsonNode root() {
    return root;
  }

  /**
   * @param name key under {@code x-zego-limits}
   * @return its integer value
   */
  public int limit(String name) {
    JsonNode n = root.path("x-zego-limits").path(name);
    if (!n.canConvertToInt()) {
      throw new IllegalStateException("x-zego-limits." + name + " missing from the contract");
    }
    return n.intValue();
  }

  /** @return {@code x-zego-limits.callbackRetryDelaysSeconds} */
  public List<Integer> callbackRetryDelaysSeconds() {
    List<Integer> out = new ArrayList<>();
    root.path("x-zego-limits").path("callbackRetryDelaysSeconds").forEach(n -> out.add(n.intValue()));
    return Collections.unmodifiableList(out);
  }

  /**
   * @param code a return code
   * @return its entry in {@code x-zego-return-codes}, or a missing node
   */
  public JsonNode returnCode(int code) {
    return root.path("x-zego-return-codes").path(Integer.toString(code));
  }
}
