package io.github.zegoaiagent.client.pact;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a contract example answer into a Pact body that matches by type: a provider cannot return
 * the example's RequestId or Round, only values of the same shape. {@code Code} stays exact.
 */
final class PactBodies {

  private PactBodies() { }

  static DslPart likeAnswer(JsonNode example) {
    PactDslJsonBody body = new PactDslJsonBody();
    fill(body, example, true);
    return body;
  }

  private static void fill(PactDslJsonBody body, JsonNode object, boolean root) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (root && name.equals("Code")) {
        body.numberValue(name, value.intValue());
      } else if (value.isTextual()) {
        body.stringType(name, value.textValue());
      } else if (value.isIntegralNumber()) {
        body.integerType(name, value.longValue());
      } else if (value.isNumber()) {
        body.decimalType(name, value.doubleValue());
      } else if (value.isBoolean()) {
        body.booleanType(name, value.booleanValue());
      } else if (value.isObject()) {
        PactDslJsonBody child = body.object(name);
        fill(child, value, false);
        child.closeObject();
      } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
        PactDslJsonBody item = body.minArrayLike(name, 1);
        fill(item, value.get(0), false);
        item.closeObject().closeArray();
      } else if (value.isNull()) {
        body.nullValue(name);
      } else {
        throw new IllegalArgumentException("no Pact matcher for " + name + " = " + value);
      }
    }
  }
}
