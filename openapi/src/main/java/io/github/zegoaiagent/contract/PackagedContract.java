package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The contract as the build packages it for reading at run time: beside the YAML
 * ({@value ZegoContract#RESOURCE}, the source people read and tools lint) the jar holds the same
 * tree as compact JSON ({@value #JSON_RESOURCE}), written by the build from the checked YAML. A
 * JVM reads the JSON with Jackson's JSON parser in about a fifth of the YAML parser's time and
 * without loading SnakeYAML (BENCHMARKS.md, "Start-up"); {@code ZegoContractTest} proves both give
 * the same document.
 *
 * <p>{@link #main} is the build step (openapi/pom.xml, execution {@code packaged-json}): it reads
 * the YAML through {@link ZegoContract#parse(Path)}, so a contract that fails any check fails the
 * build before anything is packaged.
 */
final class PackagedContract {
  /** Classpath location of the JSON copy. */
  static final String JSON_RESOURCE = "openapi/zego-aiagent.json";

  private PackagedContract() {
  }

  /**
   * @param args the YAML contract, then the JSON file to write
   * @throws IOException when the JSON cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PackagedContract <contract.yaml> <out.json>");
    }
    ZegoContract contract = ZegoContract.parse(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, new ObjectMapper().writeValueAsBytes(contract.document()));
  }

  /**
   * @param loader where to look
   * @return the packaged JSON tree, or null when this class path has only the YAML (a build
   *     that skipped the step: the caller reads the YAML)
   * @throws ContractException when it is there but is not a readable JSON object
   */
  static JsonNode read(ClassLoader loader) {
    JsonNode tree;
    try (InputStream in = loader.getResourceAsStream(JSON_RESOURCE)) {
      if (in == null) {
        return null;
      }
      tree = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(in);
    } catch (IOException e) {
      throw new ContractException(JSON_RESOURCE, "cannot be read: " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ContractException(JSON_RESOURCE, "is not a JSON object (a broken build)", null);
    }
    return tree;
  }
}
