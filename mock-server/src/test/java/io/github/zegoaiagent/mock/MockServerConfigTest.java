package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zegoaiagent.mock.config.CallbackSettings;
import io.github.zegoaiagent.mock.config.GatewaySettings;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.config.Setting;
import io.github.zegoaiagent.mock.config.SettingGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The grouped configuration: declarations, builder, secrets, the request log. */
class MockServerConfigTest {
  @Test
  void everySettingIsDeclaredOnceAndListedInItsGroup() throws Exception {
    Set<String> keys = new HashSet<>();
    Set<String> envs = new HashSet<>();
    for (Setting<?> s : MockServerConfig.settings()) {
      assertThat(keys.add(s.key())).as("key %s declared once", s.key()).isTrue();
      assertThat(envs.add(s.env())).as("variable %s declared once", s.env()).isTrue();
    }
    for (SettingGroup<?> g : MockServerConfig.GROUPS) {
      Class<?> record = g.factory().apply(MockServerConfig.builder().build()::value).getClass();
      assertThat(record.isRecord()).as("%s is a record", record).isTrue();
      for (Field f : record.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == Setting.class) {
          assertThat(g.settings()).as("%s.%s is listed in its GROUP", record.getSimpleName(), f.getName())
              .contains((Setting<?>) f.get(null));
        }
      }
    }
  }

  @Test
  void secretsNeverShowInToString() {
    MockServerConfig c = MockServerConfig.builder().credential(7, "server-marker-7").credential(8, "server-marker-8")
        .callbackSecret("callback-marker").build();
    List<Object> shown = List.of(c, c.gateway(), c.limits(), c.caps(), c.callbacks(), c.simulation(), c.http(), c.log());
    for (Object o : shown) {
      assertThat(o.toString()).as(o.getClass().getSimpleName()).doesNotContain("marker");
    }
    for (SettingGroup<?> g : MockServerConfig.GROUPS) { // a group added later is covered too
      assertThat(g.factory().apply(c::value).toString()).as(g.name()).doesNotContain("marker");
    }
    assertThat(c.toString()).contains("server-secret=***").contains("callback-secret=***").contains("app-id=[7, 8]");
  }

  @Test
  void builderKeepsPairsAndToBuilderKeepsRandomSecrets() {
    MockServerConfig c = MockServerConfig.builder().credential(7, "a").credential(8, "b").credential(7, "c").build();
    assertThat(c.credentials()).containsExactly(java.util.Map.entry(7L, "c"), java.util.Map.entry(8L, "b"));
    MockServerConfig random = MockServerConfig.builder().build();
    MockServerConfig copy = random.toBuilder().qpsLimit(1).build();
    assertThat(copy.credentials()).isEqualTo(random.credentials());
    assertThat(copy.callbacks().secret()).isEqualTo(random.callbacks().secret());
    assertThat(copy.gateway().qpsLimit()).isEqualTo(1);
    assertThat(random.credentials().get(MockServerConfig.DEFAULT_APP_ID)).matches("[0-9a-f]{32}");
  }

  @Test
  void javaValuesAreCheckedWhenSet() {
    assertThatThrownBy(() -> MockServerConfig.builder().threads(0)).hasMessageContaining("threads").hasMessageContaining("[1, 256]");
    assertThatThrownBy(() -> MockServerConfig.builder().port(70_000)).hasMessageContaining("port");
    assertThatThrownBy(() -> MockServerConfig.builder().credential(0, "s")).hasMessageContaining("not 0");
    assertThatThrownBy(() -> MockServerConfig.builder().credential(1, "")).hasMessageContaining("ServerSecret");
    assertThatThrownBy(() -> MockServerConfig.builder().headerTimeout(Duration.ZERO)).hasMessageContaining("headerTimeout");
    assertThatThrownBy(() -> MockServerConfig.builder().callbackUrl(java.net.URI.create("ftp://x/"))).hasMessageContaining("http");
    assertThatThrownBy(() -> MockServerConfig.builder().clock(null)).hasMessageContaining("clock");
    assertThatThrownBy(() -> MockServerConfig.builder().set(CallbackSettings.QUEUE_SIZE, 0)).hasMessageContaining("callbackQueueSize");
    assertThat(MockServerConfig.builder().set(GatewaySettings.QPS_LIMIT, 0).build().gateway().qpsLimit()).isZero();
    Setting<Integer> foreign = Setting.<Integer>of("not-mine", "x", Integer.class).build();
    assertThatThrownBy(() -> MockServerConfig.builder().build().value(foreign)).hasMessageContaining("not-mine");
  }

  @Test
  void requestLogIsOneLinePerRequestWithoutSecrets() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (MockServer server = MockServer.start(TestServers.config().log(LogSettings.Mode.REQUESTS).logTo(out).build())) {
      RawApi api = new RawApi(server);
      api.ok("RegisterAgent", "{\"AgentId\":\"logged\",\"Name\":\"n\",\"LLM\":{\"Url\":\"https://api.openai.com/v1/chat/completions\","
          + "\"ApiKey\":\"sk-log-marker\",\"Model\":\"gpt-4o-mini\"},\"TTS\":" + Bodies.TTS + "}");
      api.uncheckedCodes().call("QueryAgents", "{\"AgentIds\":[\"logged\"]}");
    }
    try (MockServer server = MockServer.start(TestServers.config().log(LogSettings.Mode.REQUESTS).logTo(out).build())) {
      RawApi api = new RawApi(server);
      api.send("POST", "/?Action=Evil%0A2026-01-01T00:00:00.000Z%20Fake%20Code%200", "{}");
    }
    String log = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = log.lines().toList();
    Pattern line = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z [A-Za-z0-9_?.]+ Code \\d+ [A-Z0-9_]+ \\d+\\.\\d ms");
    assertThat(lines).as(log).hasSize(3).allMatch(l -> line.matcher(l).matches());
    assertThat(lines.get(0)).contains(" RegisterAgent Code 0 ");
    assertThat(lines.get(1)).contains(" QueryAgents Code ");
    assertThat(lines.get(2)).as("a crafted Action cannot forge a line").contains(" Evil?2026?01?01T00?00?00?000Z?Fake?Code?0 Code ");
    assertThat(log).doesNotContain("sk-log-marker").doesNotContain("0123456789abcdef0123456789abcdef");
  }

  @Test
  void embeddedServersLogNothingByDefault() {
    assertThat(MockServerConfig.builder().build().log().log()).isEqualTo(LogSettings.Mode.NONE);
  }
}
