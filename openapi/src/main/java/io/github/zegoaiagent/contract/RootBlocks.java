package io.github.zegoaiagent.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The root-level blocks of the contract ({@code x-zego-tolerance}, {@code x-zego-limits},
 * {@code x-zego-return-codes}, {@code x-zego-custom-llm}): read and checked for their form, each
 * problem added to the reader's list with its JSON pointer. Split out of {@link ContractReader},
 * which walks the schemas and operations.
 */
final class RootBlocks {
  private static final Set<String> LAYERS = Set.of("success", "gateway", "business");
  private static final Set<String> RETURN_CODE_KEYS =
      Set.of("name", "layer", "category", "retryable", "scope", "description");
  private static final Set<String> TOLERANCE_KEYS =
      Set.of("nullMeansAbsent", "unknownProperties", "legacyValues", "openEnums", "caseInsensitiveValues");
  private static final Set<String> CUSTOM_LLM_KEYS =
      Set.of("vendor", "method", "headers", "request", "stream", "failures", "x-zego-assumed");
  private static final Pattern HTTP_STATUS = Pattern.compile("[1-5][0-9][0-9]");

  private final ContractReader reader;
  private final Set<Integer> exceptionCodes;

  /**
   * @param reader where problems go; its walk collects the x-zego-exception-codes (before
   *     {@link #customLlm} reads)
   */
  RootBlocks(ContractReader reader) {
    this.reader = reader;
    this.exceptionCodes = reader.exceptionCodes;
  }

  /** The root x-zego-custom-llm (optional): read after the walk, which collects the exception codes. */
  CustomLlm customLlm(JsonNode b, String at) {
    if (b.isMissingNode()) {
      return null;
    }
    if (!b.isObject()) {
      problem(at, "must be a map {vendor, method, headers, request, stream, failures}");
      return null;
    }
    b.fieldNames().forEachRemaining(k -> {
      if (!CUSTOM_LLM_KEYS.contains(k)) {
        problem(Pointers.child(at, k), "unknown key " + k + "; allowed: " + new java.util.TreeSet<>(CUSTOM_LLM_KEYS));
      }
    });
    if (b.has("x-zego-assumed")) {
      reader.schemaExtension(b, at, "x-zego-assumed", b.get("x-zego-assumed"));
    }
    String vendor = nonEmptyText(b.path("vendor"), at + "/vendor");
    String method = nonEmptyText(b.path("method"), at + "/method");
    if (!ContractReader.METHODS.contains(method.toLowerCase(Locale.ROOT)) || !method.equals(method.toUpperCase(Locale.ROOT))) {
      problem(at + "/method", "must be an upper-case HTTP method");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = b.path("headers");
    if (!h.isObject()) {
      problem(at + "/headers", "must be a map of header name to value");
    } else {
      h.properties().forEach(e -> headers.put(e.getKey(),
          nonEmptyText(e.getValue(), Pointers.child(at + "/headers", e.getKey()))));
    }
    JsonNode request = b.path("request");
    if (!request.isObject() || !request.path("type").asText("").equals("object")) {
      problem(at + "/request", "must be the request body's schema (type: object)");
    }
    JsonNode stream = b.path("stream");
    String dataPrefix = nonEmptyText(stream.path("dataPrefix"), at + "/stream/dataPrefix");
    String done = nonEmptyText(stream.path("doneMarker"), at + "/stream/doneMarker");
    String finish = nonEmptyText(stream.path("finishReason"), at + "/stream/finishReason");
    JsonNode f = b.path("failures");
    int general = exceptionCode(f.path("general"), at + "/failures/general");
    Integer invalid = f.has("invalidConfiguration")
        ? exceptionCode(f.get("invalidConfiguration"), at + "/failures/invalidConfiguration") : null;
    Map<Integer, Integer> byStatus = new LinkedHashMap<>();
    JsonNode s = f.path("byHttpStatus");
    if (!s.isMissingNode() && !s.isObject()) {
      problem(at + "/failures/byHttpStatus", "must be a map of HTTP status to Exception code");
    }
    s.properties().forEach(e -> {
      String where = Pointers.child(at + "/failures/byHttpStatus", e.getKey());
      if (!HTTP_STATUS.matcher(e.getKey()).matches() || e.getKey().equals("200")) {
        problem(where, "must be an HTTP status other than 200");
        return;
      }
      byStatus.put(Integer.parseInt(e.getKey()), exceptionCode(e.getValue(), where));
    });
    return new CustomLlm(vendor, method, headers, request.isObject() ? request : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
        dataPrefix, done, finish, general, invalid, byStatus);
  }

  private String nonEmptyText(JsonNode n, String at) {
    if (!n.isTextual() || n.asText().isBlank()) {
      problem(at, "must be a non-empty string");
      return "";
    }
    return n.asText();
  }

  /** A code of some x-zego-exception-codes map of the document. */
  private int exceptionCode(JsonNode n, String at) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      problem(at, "must be an Exception code (an integer)");
      return 0;
    }
    if (!exceptionCodes.contains(n.intValue())) {
      problem(at, n.intValue() + " is not listed in any x-zego-exception-codes of the document");
    }
    return n.intValue();
  }

  // ---------------------------------------------------------------- root extensions

  Tolerance tolerance(JsonNode t, String at) {
    if (!t.isObject()) {
      problem(at, "must be a map {nullMeansAbsent, unknownProperties, legacyValues, openEnums}");
      return new Tolerance(false, false, "x-zego-legacy", false);
    }
    String unknown = t.path("unknownProperties").asText("");
    if (!t.path("nullMeansAbsent").isBoolean()) {
      problem(at + "/nullMeansAbsent", "must be true or false");
    }
    if (!unknown.equals("ignored") && !unknown.equals("refused")) {
      problem(at + "/unknownProperties", "must be ignored or refused");
    }
    if (!"x-zego-legacy".equals(t.path("legacyValues").asText())) {
      problem(at + "/legacyValues", "must name the extension x-zego-legacy");
    }
    if (!t.path("openEnums").isBoolean()) {
      problem(at + "/openEnums", "must be true or false");
    }
    List<String> caseInsensitive = new ArrayList<>();
    JsonNode ci = t.path("caseInsensitiveValues");
    if (!ci.isMissingNode() && !ci.isArray()) {
      problem(at + "/caseInsensitiveValues", "must be a list of JSON pointers of string enums");
    }
    for (int i = 0; ci.isArray() && i < ci.size(); i++) {
      if (!ci.get(i).isTextual() || !ci.get(i).asText().startsWith("/")) {
        problem(at + "/caseInsensitiveValues/" + i, "must be a JSON pointer such as /components/schemas/TTS/properties/Vendor");
      } else {
        caseInsensitive.add(ci.get(i).asText());
      }
    }
    t.fieldNames().forEachRemaining(k -> {
      if (!TOLERANCE_KEYS.contains(k)) {
        problem(Pointers.child(at, k), "unknown key " + k + "; allowed: " + new java.util.TreeSet<>(TOLERANCE_KEYS));
      }
    });
    return new Tolerance(t.path("nullMeansAbsent").asBoolean(false), unknown.equals("ignored"),
        t.path("legacyValues").asText(""), t.path("openEnums").asBoolean(false), caseInsensitive);
  }

  Limits limits(JsonNode l, String at) {
    Map<String, Long> numbers = new LinkedHashMap<>();
    Map<String, List<Long>> lists = new LinkedHashMap<>();
    if (l.isMissingNode()) {
      return new Limits(numbers, lists); // a contract without service-wide numbers
    }
    if (!l.isObject()) {
      problem(at, "must be a map of name to a non-negative integer or a list of them");
      return new Limits(numbers, lists);
    }
    l.properties().forEach(e -> {
      String where = Pointers.child(at, e.getKey());
      JsonNode v = e.getValue();
      if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
        numbers.put(e.getKey(), v.longValue());
      } else if (v.isArray() && !v.isEmpty()) {
        List<Long> values = new ArrayList<>();
        for (JsonNode n : v) {
          if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            problem(where, "list entry " + n + " is not a non-negative integer");
          } else {
            values.add(n.longValue());
          }
        }
        lists.put(e.getKey(), List.copyOf(values));
      } else {
        problem(where, "must be a non-negative integer or a non-empty list of them; it is " + v);
      }
    });
    return new Limits(numbers, lists);
  }

  Map<Integer, ReturnCode> returnCodes(JsonNode codes, String at) {
    Map<Integer, ReturnCode> out = new LinkedHashMap<>();
    if (!codes.isObject() || codes.isEmpty()) {
      problem(at, "must be a non-empty map of decimal code to {name, layer, category, description}");
      return out;
    }
    codes.properties().forEach(e -> {
      String where = Pointers.child(at, e.getKey());
      JsonNode v = e.getValue();
      if (!ContractReader.CODE.matcher(e.getKey()).matches() || e.getKey().length() > 10
          || Long.parseLong(e.getKey()) > Integer.MAX_VALUE) {
        problem(where, "key is not a decimal code that fits an int");
        return;
      }
      if (!v.isObject()) {
        problem(where, "must be a map {name, layer, category, description[, retryable][, scope]}");
        return;
      }
      v.fieldNames().forEachRemaining(k -> {
        if (!RETURN_CODE_KEYS.contains(k)) {
          problem(where, "unknown key " + k + "; allowed: " + new java.util.TreeSet<>(RETURN_CODE_KEYS));
        }
      });
      String name = v.path("name").asText("");
      if (!v.path("name").isTextual() || !ContractReader.UPPER_SNAKE.matcher(name).matches()) {
        problem(where + "/name", "'" + name + "' is not an UPPER_SNAKE_CASE string");
      }
      if (!v.path("layer").isTextual() || !LAYERS.contains(v.path("layer").asText())) {
        problem(where + "/layer", "must be one of [business, gateway, success]");
      }
      for (String text : List.of("category", "description")) {
        if (!v.path(text).isTextual() || v.path(text).asText().isBlank()) {
          problem(where + "/" + text, "must be a non-empty string");
        }
      }
      if (v.has("retryable") && !v.get("retryable").isBoolean()) {
        problem(where + "/retryable", "must be true or false");
      }
      if (v.has("scope") && !"all".equals(v.get("scope").asText())) {
        problem(where + "/scope", "must be all when present");
      }
      out.put(Integer.parseInt(e.getKey()), new ReturnCode(Integer.parseInt(e.getKey()), name,
          v.path("layer").asText(""), v.path("category").asText(""), v.path("retryable").asBoolean(false),
          "all".equals(v.path("scope").asText()), v.path("description").asText("")));
    });
    return out;
  }


  private void problem(String at, String message) {
    reader.problems.add("#" + at + ": " + message);
  }
}
