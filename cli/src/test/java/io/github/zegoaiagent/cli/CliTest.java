package io.github.zegoaiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.zegoaiagent.client.token.DecodedToken04;
import io.github.zegoaiagent.client.token.Token04;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.mock.control.model.JournalEntry;
import io.github.zegoaiagent.mock.values.MockClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool run in-process against an embedded mock on the system clock. */
class CliTest {
  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().credential(APP_ID, SECRET).qpsLimit(0).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
  }

  /** What one run printed and returned. */
  record Run(int status, String out, String err) {
    JsonNode answer() throws Exception {
      return JSON.readTree(out);
    }
  }

  static Run run(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    Run r = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertThat(r.out() + r.err()).as("the secret is never printed").doesNotContain(SECRET);
    return r;
  }

  static Run call(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", mock.baseUrl().toString(), "--app-id", Long.toString(APP_ID), "--server-secret", SECRET));
    return run(Map.of(), "", all.toArray(new String[0]));
  }

  static Map<String, String> env() {
    return Map.of("ZEGO_APP_ID", Long.toString(APP_ID), "ZEGO_SERVER_SECRET", SECRET, "ZEGO_ENDPOINT", mock.baseUrl().toString());
  }

  @Test
  void callSignsSendsAndPrintsTheAnswer() throws Exception {
    Run r = call("call", "ListAgents");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.answer().path("Code").asInt()).isZero();
    assertThat(r.answer().path("Data").has("Agents")).isTrue();
    assertThat(r.out()).contains("\n  \"Code\" : 0"); // indented for a person
    assertThat(mock.journal()).extracting(JournalEntry::getAction, JournalEntry::getCode).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ListAgents", 0));
  }

  @Test
  void credentialsAndEndpointFromTheZegoVariables() throws Exception {
    Run r = run(env(), "", "call", "ListAgents", "--raw");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().strip()).startsWith("{\"Code\":0,"); // as received
    // A flag wins over its variable; an empty variable counts as unset.
    Map<String, String> wrong = new HashMap<>(env());
    wrong.put("ZEGO_SERVER_SECRET", "wrong");
    assertThat(run(wrong, "", "call", "ListAgents", "--server-secret", SECRET).status()).isZero();
    wrong.put("ZEGO_APP_ID", " ");
    assertThat(run(wrong, "", "call", "ListAgents").err()).contains("no AppId").contains("ZEGO_APP_ID");
  }

  @Test
  void theBodyComesAsJsonFromAFileFromStdinOrAsFields(@TempDir Path dir) throws Exception {
    String agent = "{\"AgentId\":\"a1\",\"LLM\":{\"Url\":\"https://x/v1\",\"ApiKey\":\"k\",\"Model\":\"m\"},"
        + "\"TTS\":{\"Vendor\":\"MiniMax\",\"Params\":{\"app\":{\"api_key\":\"k\"}}}}";
    assertThat(call("call", "RegisterAgent", agent).status()).isZero();
    Path file = Files.writeString(dir.resolve("agent.json"), agent.replace("a1", "a2"));
    assertThat(call("call", "RegisterAgent", "@" + file).status()).isZero();
    Run stdin = run(env(), agent.replace("a1", "a3"), "call", "RegisterAgent", "@-");
    assertThat(stdin.status()).as(stdin.err()).isZero();
    // -F typed and nested over the body, -f always a string.
    Run fields = call("call", "ListAgents", "{\"Limit\":1}", "-F", "Limit=2", "-f", "Cursor=");
    assertThat(fields.status()).as(fields.err()).isZero();
    assertThat(fields.answer().path("Data").path("Agents")).hasSize(2);
    assertThat(mock.journal().get(mock.journal().size() - 1).getBody()).isEqualTo("{\"Limit\":2,\"Cursor\":\"\"}");
    assertThat(RequestBody.build(null, List.of("RTC.RoomId=r1", "RTC.N=7", "A=[1,2]", "B=null", "C=true"), List.of("D=7"), null))
        .asString(StandardCharsets.UTF_8).isEqualTo("{\"RTC\":{\"RoomId\":\"r1\",\"N\":7},\"A\":[1,2],\"B\":null,\"C\":true,\"D\":\"7\"}");
    // Typed by the request schema where it says string: an ID of digits stays text, a number stays a number.
    assertThat(RequestOptions.isString("CreateAgentInstance", "RTC.RoomId")).isTrue();
    assertThat(RequestOptions.isString("SendAgentInstanceTTS", "AgentInstanceId")).isTrue();
    assertThat(RequestOptions.isString("ListAgents", "Limit")).isFalse();
    assertThat(RequestOptions.isString("ListAgents", "Nope.Deeper")).isFalse();
    Run ids = call("call", "CreateAgentInstance", "-F", "AgentId=a1", "-F", "UserId=42", "-F", "RTC.RoomId=7",
        "-F", "RTC.AgentStreamId=8", "-F", "RTC.AgentUserId=9", "-F", "RTC.UserStreamId=10");
    assertThat(ids.status()).as(ids.err()).isZero();
    assertThat(agents()).hasSize(3);
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    assertRefused(call("call", "ListAgents", "{\"Limit\":"), "the body is not JSON (line 1, column 10)");
    assertRefused(call("call", "ListAgents", "[1]"), "the body must be a JSON object");
    assertRefused(call("call", "ListAgents", "{} {}"), "the body is not JSON");
    assertRefused(call("call", "ListAgents", "@/no/such/file.json"), "no file /no/such/file.json");
    assertRefused(call("call", "ListAgents", "-F", "Limit"), "must be KEY=VALUE");
    assertRefused(call("call", "ListAgents", "-F", "A={x"), "field A is not valid JSON");
    assertRefused(call("call", "ListAgent"), "unknown action ListAgent; did you mean ListAgents?");
    assertRefused(call("call", "listagents"), "did you mean ListAgents?");
    assertRefused(call("call", "ListAgents", "--timeout", "soon"), "--timeout soon: give a duration");
    assertRefused(run(Map.of(), "", "call", "ListAgents", "--app-id", "1", "--server-secret", "s"), "no endpoint");
    assertRefused(run(Map.of(), "", "call", "ListAgents", "--endpoint", "ftp://x/", "--app-id", "1", "--server-secret", "s"),
        "must be an absolute http(s) URL");
    assertRefused(run(Map.of(), "", "call", "ListAgents", "--endpoint", "http://x/", "--region", "SINGAPORE",
        "--app-id", "1", "--server-secret", "s"), "give one");
    assertRefused(run(Map.of(), "", "call", "ListAgents", "--region", "singapur", "--app-id", "1", "--server-secret", "s"),
        "did you mean SINGAPORE?");
    assertRefused(run(Map.of(), "", "call", "ListAgents", "--endpoint", "http://x/", "--app-id", "0", "--server-secret", "s"),
        "AppId 0 (from --app-id) is not a number from 1 to 4294967295");
    assertRefused(run(Map.of(), "", "call", "ListAgents", "--endpoint", "http://x/", "--app-id", "1"), "no ServerSecret");
    assertThat(mock.journal()).as("nothing was sent").isEmpty();
  }

  @Test
  void mistypedOptionsAndCommandsGetTheClosestName() {
    Run option = call("call", "ListAgents", "--timout", "5s");
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err()).contains("Unknown option: '--timout'").contains("Did you mean --timeout?")
        .contains("call --help");
    Run command = run(Map.of(), "", "cal", "ListAgents");
    assertThat(command.status()).isEqualTo(2);
    assertThat(command.err()).contains("Did you mean call?");
    assertThat(run(Map.of(), "").err()).contains("a command is missing: call, sign or token");
  }

  @Test
  void badCredentialsSayWhatToCheck() {
    Run wrongSecret = run(Map.of(), "", "call", "ListAgents", "--endpoint", mock.baseUrl().toString(),
        "--app-id", Long.toString(APP_ID), "--server-secret", "0123456789abcdef0123456789abcdee");
    assertThat(wrongSecret.status()).isEqualTo(1);
    assertThat(wrongSecret.err()).contains("ListAgents answered Code 100000005 SIGNATURE_WRONG")
        .contains("the ServerSecret does not belong to AppId 1234567890");
    Run unknownApp = run(Map.of(), "", "call", "ListAgents", "--endpoint", mock.baseUrl().toString(),
        "--app-id", "42", "--server-secret", SECRET);
    assertThat(unknownApp.status()).isEqualTo(1);
    assertThat(unknownApp.err()).contains("Code 100000010 SERVER_SECRET_UNAVAILABLE").contains("AppId 42 is not known at");
  }

  @Test
  void aNonZeroCodeExitsOneWithItsNameAndTheAnswerStillPrinted() throws Exception {
    Run r = call("call", "QueryAgentInstanceStatus", "-F", "AgentInstanceId=1912345678901234567"); // a string, as the schema says
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.answer().path("Code").asInt()).isEqualTo(410001002);
    assertThat(r.err()).contains("QueryAgentInstanceStatus answered Code 410001002 INSTANCE_NOT_FOUND")
        .contains("does not exist");
    Run invalid = call("call", "RegisterAgent", "{}");
    assertThat(invalid.status()).isEqualTo(1);
    assertThat(invalid.err()).contains("410000003 INVALID_PARAMETER").contains("the Message names the field");
    mock.addFault(new io.github.zegoaiagent.mock.control.model.Fault().action("ListAgents").count(1).code(410001029));
    assertThat(call("call", "ListAgents").err()).contains("RATE_LIMITED").contains("wait a second");
  }

  @Test
  void aFixedMockClockIsNamedAndSignedOnWithTimestampMock() throws Exception {
    try (MockServer fixed = MockServer.start(MockServerConfig.builder().credential(APP_ID, SECRET)
        .clock(MockClock.fixed(Instant.parse("2026-01-01T00:00:00Z"))).build())) {
      String[] base = {"--endpoint", fixed.baseUrl().toString(), "--app-id", Long.toString(APP_ID), "--server-secret", SECRET};
      Run skewed = run(Map.of(), "", concat(new String[] {"call", "ListAgents"}, base));
      assertThat(skewed.status()).isEqualTo(1);
      assertThat(skewed.err()).contains("100000004 SIGNATURE_EXPIRED")
          .contains("this is a mock whose clock reads 1767225600 (2026-01-01T00:00:00Z); sign on its clock with --timestamp mock");
      assertThat(run(Map.of(), "", concat(new String[] {"call", "ListAgents", "--timestamp", "mock"}, base)).status()).isZero();
      assertThat(run(Map.of(), "", concat(new String[] {"call", "ListAgents", "--timestamp", "1767225300"}, base)).status()).isZero();
    }
  }

  @Test
  void anotherServerOrNoServerIsNotTheApi() throws Exception {
    HttpServer html = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    html.createContext("/", ex -> {
      byte[] page = ("<html><body>" + "Not Implemented ".repeat(100) + "</body></html>").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(501, page.length);
      ex.getResponseBody().write(page);
      ex.close();
    });
    html.createContext("/slow", ex -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    html.start();
    try {
      String url = "http://127.0.0.1:" + html.getAddress().getPort() + "/";
      Run r = run(Map.of(), "", "call", "ListAgents", "--endpoint", url, "--app-id", "1", "--server-secret", "s");
      assertThat(r.status()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("not the ZEGO AI Agent API: HTTP 501 text/html from " + url + "; check the endpoint");
      assertThat(r.err().lines().filter(l -> l.contains("the answer begins")).findFirst().orElseThrow().length())
          .as("the page is clipped").isLessThan(260);
      Run slow = run(Map.of(), "", "call", "ListAgents", "--endpoint", url + "slow/", "--app-id", "1",
          "--server-secret", "s", "--timeout", "300ms");
      assertThat(slow.status()).isEqualTo(3);
      assertThat(slow.err()).contains("within 300 ms (--timeout)");
    } finally {
      html.stop(0);
    }
    int free;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = s.getLocalPort();
    }
    Run refused = run(Map.of(), "", "call", "ListAgents", "--endpoint", "http://127.0.0.1:" + free + "/",
        "--app-id", "1", "--server-secret", "s");
    assertThat(refused.status()).isEqualTo(3);
    assertThat(refused.err()).contains("cannot connect to http://127.0.0.1:" + free + "/ (connection refused): is the mock running there?");
  }

  @Test
  void verboseShowsTheRequestWithTheSignatureMasked() {
    Run r = call("call", "ListAgents", "-v");
    assertThat(r.status()).isZero();
    assertThat(r.err()).contains("> POST " + mock.baseUrl() + "?Action=ListAgents&AppId=1234567890&SignatureNonce=")
        .contains("&SignatureVersion=2.0&Signature=***").contains("< HTTP 200 application/json");
  }

  @Test
  void signPrintsACurlCommandThatWorksInAShell() throws Exception {
    Run r = call("sign", "RegisterAgent", "-F", "AgentId=a1", "-F", "Name=it's", "-F", "LLM={\"Url\":\"https://x/v1\",\"ApiKey\":\"k\",\"Model\":\"m\"}",
        "-F", "TTS={\"Vendor\":\"MiniMax\",\"Params\":{\"app\":{}}}");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("curl -sS -X POST '" + mock.baseUrl() + "?Action=RegisterAgent&AppId=1234567890&");
    assertThat(r.err()).contains("the server takes it until about");
    assertThat(mock.journal()).as("sign sends nothing").isEmpty();
    Process p = new ProcessBuilder("sh", "-c", r.out().strip()).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    JsonNode answer = JSON.readTree(p.getInputStream().readAllBytes());
    assertThat(answer.path("Code").asInt()).as("%s", answer).isZero();
    assertThat(agents()).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo("it's"));
    Run url = run(Map.of("ZEGO_APP_ID", "7", "ZEGO_SERVER_SECRET", "s", "ZEGO_REGION", "singapore"), "", "sign", "ListAgents", "--url");
    assertThat(url.out()).startsWith("https://aigc-aiagent-api-sgp.zegotech.cn/?Action=ListAgents&AppId=7&SignatureNonce=");
  }

  @Test
  void tokenIssuesAToken04ThatDecodesWithTheSecret() {
    Run r = run(Map.of("ZEGO_APP_ID", Long.toString(APP_ID), "ZEGO_SERVER_SECRET", SECRET), "", "token", "user_1", "--validity", "10m");
    assertThat(r.status()).as(r.err()).isZero();
    DecodedToken04 t = Token04.decode(r.out().strip(), SECRET);
    assertThat(t.appId()).isEqualTo(APP_ID);
    assertThat(t.userId()).isEqualTo("user_1");
    assertThat(t.expire() - t.ctime()).isEqualTo(600);
    Run strict = run(Map.of("ZEGO_APP_ID", Long.toString(APP_ID), "ZEGO_SERVER_SECRET", SECRET), "",
        "token", "user_1", "--room-id", "room_1", "--publish");
    assertThat(Token04.decode(strict.out().strip(), SECRET).payload()).contains("room_1");
    assertRefused(run(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", "short"), "", "token", "user_1"), "cannot issue the token");
    assertRefused(run(Map.of("ZEGO_APP_ID", "1", "ZEGO_SERVER_SECRET", SECRET), "", "token", "user_1", "--publish"), "--publish needs --room-id");
  }

  @Test
  void helpShowsTheCommandsTheVariablesAndTheActions() {
    Run top = run(Map.of(), "", "--help");
    assertThat(top.status()).isZero();
    assertThat(top.out()).contains("call ", "sign ", "token ", "ZEGO_APP_ID", "ZEGO_SERVER_SECRET", "ZEGO_ENDPOINT", "ZEGO_REGION",
        "Exit status");
    Run call = run(Map.of(), "", "call", "--help");
    assertThat(call.out()).contains("CreateLiveDigitalHumanAgentInstance", "--timestamp", "@-", "SINGAPORE");
    assertThat(run(Map.of(), "", "--version").out()).startsWith("zego-aiagent-cli 0.1.0");
  }

  private static void assertRefused(Run r, String message) {
    assertThat(r.status()).as("%s", r).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(r.out()).isEmpty();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** The mock's agents of this test's App. */
  private static List<io.github.zegoaiagent.mock.control.model.Agent> agents() {
    return mock.agents().stream().filter(a -> a.getAppId() == APP_ID).toList();
  }
}
