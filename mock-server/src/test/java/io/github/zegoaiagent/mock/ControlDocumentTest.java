package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.github.zegoaiagent.mock.internal.generated.control.ControlHandler;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control API's document ({@code src/main/openapi/mock-control.yaml}) is valid OpenAPI, the
 * packaged copy is the same file, every operation it lists is served, and every answer (success
 * and error) matches the schema the document gives for it.
 */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class ControlDocumentTest {
  static final Path SOURCE = Path.of("src/main/openapi/mock-control.yaml");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      b -> b.metaSchema(JsonMetaSchema.builder(OpenApi30.getInstance())
          .keyword(new NonValidationKeyword("components")).build())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  static JsonNode doc;
  static MockServer server;

  @BeforeAll
  static void load(MockServer mock) throws Exception {
    doc = new ObjectMapper(new YAMLFactory()).readTree(SOURCE.toFile());
    server = mock;
  }

  @Test
  void theDocumentIsValidOpenApiWithoutMessages() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult r = new OpenAPIParser().readContents(Files.readString(SOURCE), null, options);
    assertThat(r.getMessages()).isEmpty();
    assertThat(r.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void everyRefResolves() {
    List<String> refs = new ArrayList<>();
    doc.findValues("$ref").forEach(r -> refs.add(r.asText()));
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
    }
  }

  @Test
  void thePackagedDocumentIsTheSource() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/zego-aiagent-mock/mock-control.yaml")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Files.readString(SOURCE));
    }
  }

  @Test
  void theGeneratedRouteTableHasEveryOperationOfTheDocument() {
    Set<String> inDoc = new TreeSet<>();
    doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m ->
        inDoc.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " " + m.getValue().path("operationId").asText())));
    Set<String> routed = new TreeSet<>();
    ControlHandler.routes().forEach(r -> routed.add(r.method() + " " + r.path() + " " + r.operationId()));
    assertThat(routed).isEqualTo(inDoc);
  }

  /** A body for every operation that takes one; a new operation without one fails the test below. */
  static final Map<String, String> BODIES = Map.of(
      "simulateUser", "{\"utterance\":\"Hi\"}",
      "addFault", "{\"action\":\"ListAgents\",\"count\":2,\"code\":410000001,\"message\":\"planned\"}",
      "advanceClock", "{\"millis\":1000}",
      "setLlmReply", "{\"reply\":\"Sunny.\"}",
      "setQpsLimit", "{\"limit\":0}",
      "setCallbackTarget", "{\"url\":\"http://127.0.0.1:1/nowhere\",\"secret\":\"doc-secret\"}",
      "loadScript", "{\"events\":[{\"at\":0,\"type\":\"speak\",\"text\":\"Hi\",\"durationMillis\":500},"
          + "{\"at\":1000,\"type\":\"leave\"}],\"endAt\":2000}");

  @Test
  void everyOperationAnswersWhatItsSchemaSays() throws Exception {
    RawApi api = new RawApi(server);
    api.ok("RegisterAgent", Bodies.agent("doc"));
    String id = api.ok("CreateAgentInstance", Bodies.instance("doc", "1")).path("AgentInstanceId").asText();
    api.ok("SendAgentInstanceTTS", "{\"AgentInstanceId\":\"" + id + "\",\"Text\":\"Hello\"}");
    server.advanceClock(java.time.Duration.ofSeconds(30)); // spoken texts and callbacks exist
    List<String> checked = new ArrayList<>();
    // reset last: it would empty what the others show
    List<Map.Entry<String, JsonNode>> paths = new ArrayList<>();
    doc.path("paths").fields().forEachRemaining(paths::add);
    paths.sort((a, b) -> Boolean.compare(a.getKey().endsWith("/reset"), b.getKey().endsWith("/reset")));
    for (Map.Entry<String, JsonNode> p : paths) {
      for (Iterator<Map.Entry<String, JsonNode>> it = p.getValue().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        JsonNode op = m.getValue();
        String operationId = op.path("operationId").asText();
        String body = op.has("requestBody") ? BODIES.get(operationId) : null;
        assertThat(body != null || !op.has("requestBody")).as("a sample body for %s", operationId).isTrue();
        HttpResponse<String> r = send(m.getKey().toUpperCase(Locale.ROOT), p.getKey().replace("{agentInstanceId}", id), body);
        assertThat(r.statusCode()).as("%s: %s", operationId, r.body()).isEqualTo(200);
        assertMatches(op.at("/responses/200/content/application~1json/schema"), r.body(), operationId);
        checked.add(operationId);
      }
    }
    assertThat(checked).hasSize(ControlHandler.routes().size());
  }

  @Test
  void errorAnswersAreControlErrors() throws Exception {
    JsonNode error = doc.at("/components/schemas/ControlError");
    for (String[] c : new String[][] {
        {"GET", "/_mock/nope", null, "404"}, {"DELETE", "/_mock/journal", null, "405"},
        {"POST", "/_mock/clock/advance", "{\"millis\":\"soon\"}", "400"},
        {"GET", "/_mock/instances/404", null, "404"}, {"POST", "/_mock/faults", "[1]", "400"}}) {
      HttpResponse<String> r = send(c[0], c[1], c[2]);
      assertThat(r.statusCode()).as("%s %s", c[0], c[1]).isEqualTo(Integer.parseInt(c[3]));
      assertMatches(error, r.body(), c[0] + " " + c[1]);
    }
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    URI uri = URI.create(server.baseUrl().toString().replaceAll("/$", "") + path);
    return HTTP.send(HttpRequest.newBuilder(uri).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertMatches(JsonNode schema, String body, String what) throws Exception {
    assertThat(schema.isMissingNode()).as("schema of %s", what).isFalse();
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.putArray("allOf").add(schema);
    d.set("components", doc.path("components"));
    Set<ValidationMessage> m = FACTORY.getSchema(SchemaLocation.of("urn:control-test:" + what.replaceAll("[^A-Za-z]", "")), d,
        SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build()).validate(JSON.readTree(body));
    assertThat(m).as("%s answered %s", what, body).isEmpty();
  }
}
