package io.github.zegoaiagent.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.zegoaiagent.openapi.ContractChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The typed view read from the real contract, checked against the same document read as a plain
 * YAML tree (so no fact is restated here), and its loud failures on extensions of the wrong form.
 */
class ZegoContractTest {
  // Surefire runs in the module directory, where the contract lives.
  private static final Path SPEC = Path.of("zego-aiagent.yaml");
  private static final ZegoContract CONTRACT = ZegoContract.parse(SPEC);

  private static JsonNode raw() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SPEC));
  }

  @Test
  void readsEveryActionWithItsPathSchemasAndErrors() throws Exception {
    JsonNode raw = raw();
    assertThat(CONTRACT.actions()).extracting(Action::name).containsExactlyInAnyOrderElementsOf(ContractChecks.ZEGO_ACTIONS);
    for (Action a : CONTRACT.actions()) {
      JsonNode op = raw.path("paths").path(a.path()).path("post");
      assertThat(a.path()).isEqualTo("/" + a.name());
      assertThat(a.method()).isEqualTo("POST");
      assertThat(a.operationId()).isEqualTo(op.path("operationId").asText());
      List<Integer> errors = new ArrayList<>();
      op.path("x-zego-errors").forEach(e -> errors.add(e.intValue()));
      assertThat(a.errors()).isEqualTo(errors);
      assertThat(a.request().target()).isEqualTo(
          op.at("/requestBody/content/application~1json/schema/$ref").asText().substring(1));
      assertThat(CONTRACT.node(a.request().target()).path("type").asText()).isEqualTo("object");
      assertThat(a.response().target()).startsWith("/components/schemas/");
      assertThat(a.readOnly()).isEqualTo(op.path("x-zego-read-only").asBoolean(false));
      assertThat(a.liveDigitalHumanAllowed()).isEqualTo(op.has("x-zego-live-digital-human"));
      assertThat(a.requestExamples()).hasSize(op.at("/requestBody/content/application~1json/examples").size()).isNotEmpty();
    }
    assertThat(CONTRACT.actions().stream().filter(Action::readOnly)).isNotEmpty();
  }

  @Test
  void limitsReturnCodesAndToleranceAreTheRootExtensions() throws Exception {
    JsonNode raw = raw();
    raw.path("x-zego-limits").properties().forEach(e -> {
      if (e.getValue().isArray()) {
        List<Long> values = new ArrayList<>();
        e.getValue().forEach(v -> values.add(v.longValue()));
        assertThat(CONTRACT.limits().list(e.getKey())).isEqualTo(values);
      } else {
        assertThat(CONTRACT.limits().get(e.getKey())).isEqualTo(e.getValue().intValue());
      }
    });
    assertThatThrownBy(() -> CONTRACT.limits().get("noSuchLimit"))
        .hasMessageContaining("x-zego-limits.noSuchLimit");
    JsonNode codes = raw.path("x-zego-return-codes");
    assertThat(CONTRACT.returnCodes()).hasSize(codes.size());
    codes.properties().forEach(e -> {
      ReturnCode rc = CONTRACT.returnCode(Integer.parseInt(e.getKey())).orElseThrow();
      assertThat(rc.name()).isEqualTo(e.getValue().path("name").asText());
      assertThat(rc.layer()).isEqualTo(e.getValue().path("layer").asText());
      assertThat(rc.retryable()).isEqualTo(e.getValue().path("retryable").asBoolean(false));
      assertThat(rc.anyAction()).isEqualTo("all".equals(e.getValue().path("scope").asText()));
      assertThat(CONTRACT.returnCode(rc.name())).isEqualTo(rc);
    });
    JsonNode t = raw.path("x-zego-tolerance");
    List<String> caseInsensitive = new java.util.ArrayList<>();
    t.path("caseInsensitiveValues").forEach(p -> caseInsensitive.add(p.asText()));
    assertThat(CONTRACT.tolerance()).isEqualTo(new Tolerance(t.path("nullMeansAbsent").asBoolean(),
        "ignored".equals(t.path("unknownProperties").asText()), "x-zego-legacy", t.path("openEnums").asBoolean(),
        caseInsensitive));
  }

  @Test
  void vendorNamesAreComparedWithoutRegardToCase() {
    String tts = "/components/schemas/TTS/properties/Vendor";
    assertThat(CONTRACT.tolerance().caseInsensitiveValues()).containsExactly(tts, "/components/schemas/ASR/properties/Vendor");
    assertThat(CONTRACT.listedSpelling(tts, "Bytedance")).contains("ByteDance"); // a legacy value, in any case
    assertThat(CONTRACT.listedSpelling(tts, "Minimax")).contains("MiniMax");
    assertThat(CONTRACT.listedSpelling(tts, "BYTEDANCEV3")).contains("ByteDanceV3");
    assertThat(CONTRACT.listedSpelling(tts, "MiniMax")).isEmpty(); // already listed as written
    assertThat(CONTRACT.listedSpelling(tts, "Polly")).isEmpty();
    assertThat(CONTRACT.listedSpelling("/components/schemas/ASR/properties/Vendor", "tencent")).contains("Tencent");
    // LLM.Vendor is a protocol name, not a vendor's: compared as written.
    assertThat(CONTRACT.listedSpelling("/components/schemas/LLM/properties/Vendor", "openaichat")).isEmpty();
  }

  @Test
  void secretsAreFoundBySchemaPathThroughRefsAndMaps() {
    List<String> register = CONTRACT.action("RegisterAgent").secrets().stream().map(SecretPath::dotted).toList();
    assertThat(register).contains("LLM.ApiKey", "TTS.Params.app");
    assertThat(CONTRACT.action("ListAgents").secrets()).isEmpty();
    // Every marked property name is known, answers and callbacks included.
    assertThat(CONTRACT.secretNames()).contains("ApiKey", "app", "Signature");
    for (Action a : CONTRACT.actions()) {
      for (SecretPath s : a.secrets()) {
        assertThat(CONTRACT.node(s.schema()).path("x-zego-secret").asBoolean()).as(s.toString()).isTrue();
      }
    }
  }

  @Test
  void enumsLegacyValuesDefaultsExclusivesAndCallbacks() throws Exception {
    JsonNode raw = raw();
    assertThat(CONTRACT.legacyValues()).isNotEmpty().allSatisfy(l -> {
      assertThat(raw.at(l.schema()).path("enum").toString()).doesNotContain("\"" + l.value() + "\"");
      assertThat(l.note()).isNotBlank();
    });
    assertThat(CONTRACT.enums()).allSatisfy(e ->
        assertThat(e.json()).containsExactlyElementsOf(raw.at(e.schema()).path("enum")));
    assertThat(CONTRACT.defaults()).isNotEmpty().allSatisfy(d ->
        assertThat(d.json()).isEqualTo(raw.at(d.schema()).get("default")));
    // The tolerant document lists the legacy values in their enums; the model's own copy is untouched.
    JsonNode tolerant = CONTRACT.documentWithLegacyValues();
    for (LegacyValue l : CONTRACT.legacyValues()) {
      assertThat(tolerant.at(l.schema()).path("enum").toString()).contains("\"" + l.value() + "\"");
      assertThat(CONTRACT.node(l.schema()).path("enum").toString()).doesNotContain("\"" + l.value() + "\"");
    }
    Action live = CONTRACT.action("CreateLiveDigitalHumanAgentInstance");
    Exclusive ex = CONTRACT.exclusiveOf(live.request().target()).orElseThrow();
    List<String> rawExclusive = new ArrayList<>();
    raw.at(live.request().target()).path("x-zego-exclusive").forEach(n -> rawExclusive.add(n.asText()));
    assertThat(ex.properties()).isNotEmpty().isEqualTo(rawExclusive);
    assertThat(ex.othersThan(rawExclusive.get(0))).isEqualTo(rawExclusive.subList(1, rawExclusive.size()));
    assertThat(CONTRACT.callbacks()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.method()).isEqualTo("POST");
      assertThat(c.firstExample().has("Event")).isTrue();
    });
  }

  @Test
  void nothingReturnedChangesTheModel() {
    JsonNode doc = CONTRACT.document();
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("paths");
    Action a = CONTRACT.action("ListAgents");
    ((com.fasterxml.jackson.databind.node.ObjectNode) a.firstRequestExample()).put("Limit", -1);
    assertThat(CONTRACT.document().has("paths")).isTrue();
    assertThat(a.firstRequestExample().path("Limit").intValue()).isNotEqualTo(-1);
    assertThatThrownBy(() -> a.errors().add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> CONTRACT.action("NoSuchAction")).hasMessageContaining("NoSuchAction");
  }

  @Test
  void theClasspathCopyIsTheSameContract() {
    assertThat(ZegoContract.load().actions()).isEqualTo(CONTRACT.actions());
    assertThat(ZegoContract.load()).isSameAs(ZegoContract.load());
  }

  @Test
  void thePackagedJsonIsTheYamlTreeAndIsWhatLoadReads() throws Exception {
    JsonNode packaged = PackagedContract.read(getClass().getClassLoader());
    assertThat(packaged).as("the build writes %s (execution packaged-json)", PackagedContract.JSON_RESOURCE)
        .isNotNull();
    // Node by node, number types included (an int read back as a double would differ here).
    assertThat(packaged).isEqualTo(raw());
    assertThat(ZegoContract.load().document()).isEqualTo(raw());
    assertThat(ZegoContract.load().source()).isEqualTo("classpath:" + ZegoContract.RESOURCE);
  }

  @Test
  void aBrokenPackagedJsonFailsNamingIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("openapi"));
    Files.writeString(dir.resolve(PackagedContract.JSON_RESOURCE), "{\"openapi\": 1, \"openapi\": 2}");
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> PackagedContract.read(loader)).isInstanceOf(ContractException.class)
          .hasMessageContaining(PackagedContract.JSON_RESOURCE).hasMessageContaining("openapi");
    }
    Files.writeString(dir.resolve(PackagedContract.JSON_RESOURCE), "[]");
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> PackagedContract.read(loader)).hasMessageContaining("not a JSON object");
    }
    try (java.net.URLClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null)) {
      assertThat(PackagedContract.read(empty)).isNull();
    }
  }

  @Test
  void extensionsOfTheWrongFormFailLoudlyNamingTheirPath() throws Exception {
    Path fixture = Path.of(getClass().getResource("/fixtures/broken-extensions.yaml").toURI());
    ContractException e = org.junit.jupiter.api.Assertions.assertThrows(ContractException.class,
        () -> ZegoContract.parse(fixture));
    assertThat(e.getMessage()).startsWith(fixture.toString()).contains("#/x-zego-limits/qpsPerAction");
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "#/x-zego-tolerance/nullMeansAbsent: must be true or false",
        "#/x-zego-tolerance/unknownProperties: must be ignored or refused",
        "#/x-zego-limits/qpsPerAction: must be a non-negative integer or a non-empty list of them; it is \"ten\"",
        "#/x-zego-limits/callbackRetryDelaysSeconds: list entry -4 is not a non-negative integer",
        "#/x-zego-return-codes/410001002/name: 'instanceNotFound' is not an UPPER_SNAKE_CASE string",
        "#/x-zego-return-codes/410001002/retryable: must be true or false",
        "#/x-zego-return-codes/410001009: unknown key colour; allowed: " + new TreeSet<>(
            List.of("name", "layer", "category", "retryable", "scope", "description")),
        "#/x-zego-limitz: unknown extension x-zego-limitz (known: " + knownExtensions() + ")",
        "#/paths/~1ListAgents/post/x-zego-errors: lists 410009999, which is not in x-zego-return-codes",
        "#/paths/~1ListAgents/post/x-zego-live-digital-human: must be allowed when present",
        "#/paths/~1ListAgents/post/x-zego-read-only: must be true or false",
        "#/paths/~1Other/post/x-zego-action: must be the action name of the virtual path /Other; it is \"NotOther\"",
        "#/components/schemas/Request/x-zego-exclusive: must be a list of at least two property names of this object schema",
        "#/components/schemas/Request/properties/ApiKey/x-zego-secret: must be true or false",
        "#/components/schemas/Request/properties/Vendor/x-zego-legacy: is not on a string enum",
        "#/components/schemas/Request/properties/Vendor/x-zego-legacy: entry {\"value\":3} needs a string value and a note",
        "#/components/schemas/Request/properties/Name/x-zego-assumed: names \"maxLength\", which is not a keyword of this schema");
  }

  @Test
  void theCustomLlmBlockIsTypedAndItsFailureCodesAreExceptionCodes() {
    CustomLlm llm = CONTRACT.customLlm().orElseThrow();
    assertThat(llm.method()).isEqualTo("POST");
    assertThat(llm.headers()).containsKey("Authorization");
    assertThat(llm.request().path("properties").has("messages")).isTrue();
    assertThat(llm.dataPrefix()).isNotBlank();
    // Every failure code is an Exception code the contract lists (the reader refuses others).
    java.util.Set<String> listed = new java.util.HashSet<>();
    CONTRACT.document().findValues("x-zego-exception-codes").forEach(m -> m.fieldNames().forEachRemaining(listed::add));
    assertThat(listed).contains(String.valueOf(llm.generalFailure()), String.valueOf(llm.invalidConfigurationFailure()));
    llm.failureByHttpStatus().values().forEach(c -> assertThat(listed).contains(String.valueOf(c)));
    assertThat(llm.failureForStatus(599)).isEqualTo(llm.generalFailure());
  }

  @Test
  void aBrokenCustomLlmBlockFailsNamingEachProblem() throws Exception {
    Path fixture = Path.of(getClass().getResource("/fixtures/broken-custom-llm.yaml").toURI());
    ContractException e = org.junit.jupiter.api.Assertions.assertThrows(ContractException.class,
        () -> ZegoContract.parse(fixture));
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "#/x-zego-custom-llm/colour: unknown key colour; allowed: " + new TreeSet<>(List.of("vendor", "method",
            "headers", "request", "stream", "failures", "x-zego-assumed")),
        "#/x-zego-custom-llm/x-zego-assumed: names \"mapping\", which is not a keyword of this schema",
        "#/x-zego-custom-llm/vendor: must be a non-empty string",
        "#/x-zego-custom-llm/method: must be an upper-case HTTP method",
        "#/x-zego-custom-llm/headers/Authorization: must be a non-empty string",
        "#/x-zego-custom-llm/request: must be the request body's schema (type: object)",
        "#/x-zego-custom-llm/stream/finishReason: must be a non-empty string",
        "#/x-zego-custom-llm/failures/invalidConfiguration: 9999 is not listed in any x-zego-exception-codes of the document",
        "#/x-zego-custom-llm/failures/byHttpStatus/200: must be an HTTP status other than 200",
        "#/x-zego-custom-llm/failures/byHttpStatus/4xx: must be an HTTP status other than 200",
        "#/x-zego-custom-llm/failures/byHttpStatus/429: must be an Exception code (an integer)");
  }

  @Test
  void unreadableDocumentsFailWithTheirName() {
    assertThatThrownBy(() -> ZegoContract.parse("a: [", "bad.yaml"))
        .isInstanceOf(ContractException.class).hasMessageStartingWith("bad.yaml: is not readable YAML");
    assertThatThrownBy(() -> ZegoContract.parse("a: 1\na: 2\n", "dup.yaml"))
        .isInstanceOf(ContractException.class).hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> ZegoContract.parse(Path.of("no-such.yaml")))
        .isInstanceOf(ContractException.class).hasMessageStartingWith("no-such.yaml: cannot be read");
  }

  private static String knownExtensions() {
    return new TreeSet<>(List.of("x-zego-action", "x-zego-errors", "x-zego-live-digital-human",
        "x-zego-read-only", "x-zego-tolerance", "x-zego-limits", "x-zego-return-codes", "x-zego-secret",
        "x-zego-legacy", "x-zego-assumed", "x-zego-exception-codes", "x-zego-region", "x-zego-schema",
        "x-zego-exclusive", "x-zego-custom-llm")).toString();
  }
}
