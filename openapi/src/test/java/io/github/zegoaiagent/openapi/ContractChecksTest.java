package io.github.zegoaiagent.openapi;

import static io.github.zegoaiagent.openapi.Violations.assertNone;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves that every check of {@link ContractChecks} passes on a valid fixture and reports the
 * specific violations planted in a broken one (fixtures under src/test/resources/fixtures).
 */
class ContractChecksTest {

  /** The actions of the fixtures; the real 19 are only asked of the real contract. */
  private static final Set<String> FIXTURE_ACTIONS = Set.of("QueryAgents", "CreateAgentInstance");

  private static ContractChecks fixture(String name) {
    return fixture(name, FIXTURE_ACTIONS);
  }

  private static ContractChecks fixture(String name, Set<String> actions) {
    try {
      return ContractChecks.of(Path.of(ContractChecksTest.class.getResource("/fixtures/" + name).toURI()), actions);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void validFixturePassesEveryCheck() {
    assertNone("valid.yaml", fixture("valid.yaml").all());
  }

  @Test
  void unreadableYamlIsOneViolationPerCheck() {
    ContractChecks checks = fixture("broken-yaml.yaml");
    for (List<String> violations : List.of(checks.operations(), checks.security(), checks.examples(),
        checks.idFields(), checks.returnCodes(), checks.servers(), checks.tolerance(), checks.extensions())) {
      assertThat(violations).singleElement().asString()
          .startsWith("[load] cannot read ").contains("broken-yaml.yaml", "line 4, column 6").doesNotContain("\n");
    }
    assertThat(checks.parsing()).isNotEmpty().allMatch(v -> v.startsWith("[parse] ") && !v.contains("\n"));
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(fixture("broken-duplicate-key.yaml").returnCodes()).singleElement().asString()
        .startsWith("[load] cannot read ").contains("Duplicate field '0'");
  }

  @Test
  void parsingReportsSwaggerParserMessages() {
    assertThat(fixture("broken-parse.yaml").parsing()).containsExactlyInAnyOrder(
        "[parse] attribute info.version is missing",
        "[parse] attribute paths.'/QueryAgents'(post).requestBody.content.'application/json'.schema"
            + ".#/components/schemas/Missing is missing",
        "[parse] attribute paths.'/QueryAgents'(post).responses is missing");
  }

  @Test
  void operationsReportsPathsActionsIdsAndTexts() {
    assertThat(fixture("broken-operations.yaml", Set.of("QueryAgents", "CreateAgentInstance", "ListAgents"))
        .operations()).containsExactlyInAnyOrder(
        "[operations] POST /QueryAgents has no tag",
        "[operations] POST /QueryAgents has no summary",
        "[operations] POST /QueryAgents has no description",
        "[operations] path /create-agent-instance is not /<ActionName>",
        "[operations] POST /create-agent-instance has x-zego-action CreateAgentInstance;"
            + " expected create-agent-instance",
        "[operations] POST /create-agent-instance repeats operationId queryAgents",
        "[operations] path /DeleteAgentInstance must have exactly one operation, post; it has [get, post]",
        "[operations] POST /DeleteAgentInstance has no x-zego-action",
        "[operations] POST /DeleteAgentInstance has no operationId",
        "[operations] POST /StopListening has x-zego-action QueryAgents; expected StopListening",
        "[operations] POST /StopListening repeats x-zego-action QueryAgents",
        "[operations] expected 3 operations, found 5",
        "[operations] missing actions [ListAgents]",
        "[operations] unexpected actions [DeleteAgentInstance]");
  }

  @Test
  void operationsGuardsTheNineteenActions() {
    assertThat(fixture("valid.yaml", ContractChecks.ZEGO_ACTIONS).operations()).containsExactly(
        "[operations] expected 19 operations, found 2",
        "[operations] missing actions [AddAgentInstanceMsg, CreateDigitalHumanAgentInstance,"
            + " CreateLiveDigitalHumanAgentInstance, DeleteAgentInstance, GetAgentInstanceMsgList,"
            + " InterruptAgentInstance, ListAgents, QueryAgentInstanceStatus, RegisterAgent,"
            + " ResetAgentInstanceMsgList, SendAgentInstanceLLM, SendAgentInstanceTTS, StartListening,"
            + " StopListening, UnregisterAgent, UpdateAgent, UpdateAgentInstance]");
  }

  @Test
  void securityReportsSchemesRootRequirementAndOverrides() {
    assertThat(fixture("broken-security.yaml").security()).containsExactlyInAnyOrder(
        "[security] components.securitySchemes.AppId must be {type: apiKey, in: query, name: AppId};"
            + " it is {\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"AppId\"}",
        "[security] components.securitySchemes.SignatureNonce must be {type: apiKey, in: query,"
            + " name: SignatureNonce}; it is {\"type\":\"apiKey\",\"in\":\"query\",\"name\":\"Nonce\"}",
        "[security] components.securitySchemes.Timestamp must be {type: apiKey, in: query, name: Timestamp};"
            + " it is {\"type\":\"http\",\"scheme\":\"basic\"}",
        "[security] components.securitySchemes.SignatureVersion is missing",
        "[security] root security must be one requirement object naming exactly"
            + " [AppId, SignatureNonce, Timestamp, Signature, SignatureVersion]; it is"
            + " [{\"AppId\":[],\"SignatureNonce\":[]},{\"Timestamp\":[],\"Signature\":[],\"SignatureVersion\":[]}]",
        "[security] POST /QueryAgents overrides the root security");
  }

  @Test
  void examplesReportsMissingAndInvalidExamplesWithOperationNameAndPath() {
    String create = "[examples] POST /CreateAgentInstance ";
    String callback = create + "callback Events POST https://callback.example.com/{$request.body#/AgentId}"
        + " request application/json example 'created': ";
    assertThat(fixture("broken-examples.yaml").examples()).containsExactlyInAnyOrder(
        "[examples] POST /QueryAgents has no application/json request example",
        "[examples] POST /QueryAgents response 200 application/json example 'wrongCode':"
            + " $.Code: string found, integer expected",
        "[examples] POST /QueryAgents response 200 application/json example 'wrongCode':"
            + " $: required property 'Message' not found",
        create + "has no application/json example for response 200",
        create + "request application/json example 'summaryOnly' has no value",
        create + "request application/json example 'bad': $.AgentId: must be at most 8 characters long",
        create + "request application/json example 'bad': $.AgentId: does not match the regex pattern ^[a-z0-9]+$",
        create + "request application/json example 'bad': $.RTC: required property 'RoomId' not found",
        // OAS 3.0 (draft 4) semantics: exclusiveMinimum: true makes minimum 0 exclusive.
        create + "request application/json example 'bad': $.Mode: must have a minimum value of 0",
        create + "request application/json example 'shared': $.AgentId: null found, string expected",
        create + "response 400 application/json example 'example': $.Message: integer found, string expected",
        callback + "$.AppId: string found, integer expected",
        callback + "$.Event: does not have a value in the enumeration [\"Deleted\"]");
  }

  @Test
  void idFieldsReportsUnboundedIdsReachableFromRequestBodies() {
    String body = "#/paths/~1CreateAgentInstance/post/requestBody/content/application~1json/schema/properties/";
    String rule = "an ID must be a string with maxLength and pattern (or an enum); missing ";
    assertThat(fixture("broken-ids.yaml").idFields()).containsExactlyInAnyOrder(
        "[ids] POST /CreateAgentInstance request $.AgentId (" + body + "AgentId): " + rule + "[pattern]",
        "[ids] POST /CreateAgentInstance request $.UserId (" + body + "UserId): "
            + rule + "[type string, maxLength, pattern]",
        "[ids] POST /CreateAgentInstance request $.RTC.RoomId"
            + " (#/components/schemas/RTC/properties/RoomId -> #/components/schemas/RoomId): " + rule + "[maxLength]",
        "[ids] POST /CreateAgentInstance request $.AgentIds[*] (" + body + "AgentIds/items): " + rule + "[maxLength]",
        "[ids] POST /CreateAgentInstance request $.RobotIds (" + body + "RobotIds):"
            + " an *Ids property must be an array with items",
        "[ids] POST /CreateAgentInstance request $.Members[*].MemberId (" + body
            + "Members/items/allOf/0/properties/MemberId): " + rule + "[maxLength, pattern]");
  }

  @Test
  void returnCodesReportsMalformedEntriesAndUnknownErrors() {
    assertThat(fixture("broken-return-codes.yaml").returnCodes()).containsExactlyInAnyOrder(
        "[return-codes] #/x-zego-return-codes/abc: key is not a decimal code that fits an int",
        "[return-codes] #/x-zego-return-codes/100000001/name: 'appIdInvalid' is not an UPPER_SNAKE_CASE string",
        "[return-codes] code 100000001: layer is 'business' but the code is in the gateway range",
        "[return-codes] code 410001002: name SUCCESS is used by another code",
        "[return-codes] #/x-zego-return-codes/410001002/description: must be a non-empty string",
        "[return-codes] #/x-zego-return-codes/410001002/category: must be a non-empty string",
        "[return-codes] #/x-zego-return-codes/410001003/layer: must be one of [business, gateway, success]",
        "[return-codes] #/x-zego-return-codes/100000002/category: must be a non-empty string",
        "[return-codes] code 200000000: code is outside the layer ranges (0 success, 100000xxx gateway, 4100xxxxx business)",
        "[return-codes] #/paths/~1CreateAgentInstance/post/x-zego-errors: lists 410009999, which is not in x-zego-return-codes",
        "[return-codes] #/paths/~1CreateAgentInstance/post/x-zego-errors: entry \"410001003\" is not an integer",
        "[return-codes] #/paths/~1DeleteAgentInstance/post/x-zego-errors: must be a list of return codes");
  }

  @Test
  void serversReportsCountSchemeAndTrailingSlash() {
    assertThat(fixture("broken-servers.yaml").servers()).containsExactlyInAnyOrder(
        "[servers] expected 7 servers, found 3",
        "[servers] http://a.example.com is not https",
        "[servers] https://b.example.com/ ends with a slash");
  }

  @Test
  void toleranceReportsMissingRulesAndMalformedLegacyValues() {
    assertThat(fixture("broken-tolerance.yaml").tolerance()).containsExactlyInAnyOrder(
        "[tolerance] #/x-zego-tolerance/nullMeansAbsent: must be true or false",
        "[tolerance] #/x-zego-tolerance/unknownProperties: must be ignored or refused",
        "[tolerance] #/x-zego-tolerance/legacyValues: must name the extension x-zego-legacy",
        "[tolerance] #/components/schemas/Vendor/x-zego-legacy: legacy value \"B\" is also in enum",
        "[tolerance] #/components/schemas/Vendor/x-zego-legacy: entry {\"value\":\"C\"} needs a string value and a note",
        "[tolerance] #/components/schemas/Level/x-zego-legacy: is not on a string enum",
        "[tolerance] #/components/schemas/Level/x-zego-legacy: entry {\"value\":2,\"note\":\"Not a string.\"} needs a string value and a note",
        "[tolerance] #/x-zego-tolerance/caseSensitive: unknown key caseSensitive; allowed: [caseInsensitiveValues, legacyValues, nullMeansAbsent, openEnums, unknownProperties]",
        "[tolerance] #/x-zego-tolerance/caseInsensitiveValues/3: must be a JSON pointer such as /components/schemas/TTS/properties/Vendor",
        "[tolerance] #/x-zego-tolerance/caseInsensitiveValues/0: /components/schemas/Level is not a string enum of the document",
        "[tolerance] #/x-zego-tolerance/caseInsensitiveValues/1: /components/schemas/Nope is not a string enum of the document",
        "[tolerance] #/x-zego-tolerance/caseInsensitiveValues/2: /components/schemas/Mixed has two values that differ only in case (AB); ignoring case would mix them up");
  }

  @Test
  void extensionsReportsEveryExtensionOfTheWrongFormWithItsPointer() {
    assertThat(fixture("broken-extensions.yaml").extensions())
        .contains("[extensions] #/paths/~1ListAgents/post/x-zego-read-only: must be true or false",
            "[extensions] #/components/schemas/Request/x-zego-exclusive: must be a list of at least two property names"
                + " of this object schema")
        .anyMatch(v -> v.startsWith("[extensions] #/x-zego-limitz: unknown extension x-zego-limitz"))
        .allMatch(v -> v.startsWith("[extensions] #/"));
  }

  @Test
  void extensionsReportsABrokenCustomLlmBlock() {
    assertThat(fixture("broken-custom-llm.yaml").extensions())
        .contains("[extensions] #/x-zego-custom-llm/method: must be an upper-case HTTP method",
            "[extensions] #/x-zego-custom-llm/failures/invalidConfiguration: 9999 is not listed in any"
                + " x-zego-exception-codes of the document")
        .allMatch(v -> v.startsWith("[extensions] #/x-zego-custom-llm/"));
  }
}
