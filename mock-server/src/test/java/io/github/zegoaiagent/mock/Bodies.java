package io.github.zegoaiagent.mock;

/** Request bodies shared by the tests. */
final class Bodies {
  static final String LLM = "{\"Url\":\"https://api.openai.com/v1/chat/completions\",\"ApiKey\":\"sk-test\",\"Model\":\"gpt-4o-mini\",\"SystemPrompt\":\"Be brief.\"}";
  static final String TTS = "{\"Vendor\":\"ByteDanceV3\",\"Params\":{\"app\":{\"appid\":\"a\",\"token\":\"t\"}}}";

  private Bodies() {
  }

  static String agent(String id) {
    return "{\"AgentId\":\"" + id + "\",\"Name\":\"Agent " + id + "\",\"LLM\":" + LLM + ",\"TTS\":" + TTS + "}";
  }

  static String rtc(String n) {
    return "{\"RoomId\":\"room_" + n + "\",\"AgentStreamId\":\"as_" + n + "\",\"AgentUserId\":\"au_" + n
        + "\",\"UserStreamId\":\"us_" + n + "\"}";
  }

  static String instance(String agentId, String n) {
    return instance(agentId, n, "");
  }

  /** @param extra extra top-level fields, starting with a comma, or "" */
  static String instance(String agentId, String n, String extra) {
    return "{\"AgentId\":\"" + agentId + "\",\"UserId\":\"user_" + n + "\",\"RTC\":" + rtc(n) + extra + "}";
  }

  static String id(String instanceId) {
    return "{\"AgentInstanceId\":\"" + instanceId + "\"}";
  }

  static String tts(String instanceId, String text, String extra) {
    return "{\"AgentInstanceId\":\"" + instanceId + "\",\"Text\":\"" + text + "\"" + extra + "}";
  }

  static String llm(String instanceId, String text, String extra) {
    return tts(instanceId, text, extra);
  }
}
