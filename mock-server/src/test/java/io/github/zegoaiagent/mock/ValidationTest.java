package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema violations answer 410000003 naming the field and the spec's limit. */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class ValidationTest {
  static MockServer server;
  static RawApi api;

  @BeforeAll
  static void bind(MockServer mock) {
    server = mock;
    api = new RawApi(server);
  }

  @Test
  void maxLengthNamesNestedFieldAndLimit() {
    api.ok("RegisterAgent", Bodies.agent("v1"));
    String rtc = "{\"RoomId\":\"r\",\"AgentStreamId\":\"s\",\"AgentUserId\":\"" + "a".repeat(33)
        + "\",\"UserStreamId\":\"u\"}";
    String msg = api.fails("CreateAgentInstance",
        "{\"AgentId\":\"v1\",\"UserId\":\"u1\",\"RTC\":" + rtc + "}", Codes.INVALID_PARAMETER);
    assertThat(msg).isEqualTo("RTC.AgentUserId: length 33 exceeds maxLength 32");
  }

  @Test
  void maxLengthCountsCharactersNotBytes() {
    String ok = "{\"AgentInstanceId\":\"1\",\"Text\":\"" + "语".repeat(300) + "\"}";
    // 300 CJK characters pass the schema (900 bytes); the instance does not exist.
    api.fails("SendAgentInstanceTTS", ok, Codes.INSTANCE_NOT_FOUND);
    String tooLong = "{\"AgentInstanceId\":\"1\",\"Text\":\"" + "语".repeat(301) + "\"}";
    assertThat(api.fails("SendAgentInstanceTTS", tooLong, Codes.INVALID_PARAMETER))
        .isEqualTo("Text: length 301 exceeds maxLength 300");
  }

  @Test
  void enumListsAllowedValues() {
    String msg = api.fails("SendAgentInstanceLLM",
        "{\"AgentInstanceId\":\"1\",\"Text\":\"hi\",\"Priority\":\"Urgent\"}", Codes.INVALID_PARAMETER);
    assertThat(msg).isEqualTo("Priority: value \"Urgent\" is not one of [Low, Medium, High]");
  }

  @Test
  void requiredFieldMissing() {
    assertThat(api.fails("RegisterAgent", "{\"Name\":\"x\"}", Codes.INVALID_PARAMETER))
        .isEqualTo("AgentId: required field missing");
    assertThat(api.fails("CreateAgentInstance",
        "{\"AgentId\":\"a\",\"UserId\":\"u\",\"RTC\":{\"RoomId\":\"r\",\"AgentStreamId\":\"s\",\"AgentUserId\":\"x\"}}",
        Codes.INVALID_PARAMETER)).isEqualTo("RTC.UserStreamId: required field missing");
  }

  @Test
  void numericRangesFromTheSpec() {
    assertThat(api.fails("ListAgents", "{\"Limit\":11}", Codes.INVALID_PARAMETER))
        .isEqualTo("Limit: value 11 exceeds maximum 10");
    assertThat(api.fails("ListAgents", "{\"Limit\":-1}", Codes.INVALID_PARAMETER))
        .isEqualTo("Limit: value -1 is below minimum 0");
    assertThat(api.fails("ListAgents", "{\"Limit\":\"5\"}", Codes.INVALID_PARAMETER))
        .isEqualTo("Limit: expected integer, found string");
  }

  @Test
  void maxItemsAndPattern() {
    StringBuilder ids = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      ids.append(i == 0 ? "" : ",").append("\"a").append(i).append('"');
    }
    assertThat(api.fails("QueryAgents", "{\"AgentIds\":" + ids + "]}", Codes.INVALID_PARAMETER))
        .isEqualTo("AgentIds: 11 items exceed maxItems 10");
    assertThat(api.fails("UnregisterAgent", "{\"AgentId\":\"a b\"}", Codes.INVALID_PARAMETER))
        .startsWith("AgentId: value \"a b\" does not match pattern ^");
  }

  @Test
  void severalViolationsAreAllNamed() {
    String msg = api.fails("ListAgents", "{\"Limit\":11,\"Cursor\":5}", Codes.INVALID_PARAMETER);
    assertThat(msg).contains("Limit: value 11 exceeds maximum 10").contains("Cursor: expected string, found integer");
  }

  @Test
  void unknownFieldsAreAllowed() {
    api.ok("ListAgents", "{\"Limit\":2,\"FutureField\":{\"x\":1}}");
  }
}
