package io.github.zegoaiagent.mock.internal.validate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run in a child JVM by {@link SchemaLoggingTest}: compiles and applies the request schema of every
 * action, so everything the schema library logs while doing so reaches stderr.
 */
public final class SchemaLogProbe {
  private SchemaLogProbe() {}

  public static void main(String[] args) {
    Map<String, String> paths = new LinkedHashMap<>();
    ActionHandler.table().values().forEach(a -> paths.put(a.name(), a.requestPath()));
    RequestSchemas validator = new RequestSchemas(paths);
    int rejected = 0;
    for (String action : validator.actions()) {
      try {
        validator.validate(action, JsonNodeFactory.instance.objectNode());
      } catch (ApiError e) {
        rejected++; // an empty body misses required fields of most actions: fine here
      }
    }
    System.out.println("probed " + paths.size() + " schemas, " + rejected + " rejected an empty body");
  }
}
