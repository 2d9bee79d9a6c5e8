package io.github.zegoaiagent.spring;

import io.github.zegoaiagent.client.ZegoAiAgentClient;

/**
 * Adjusts the client builder after the properties are applied (an own {@code HttpClient}, proxy,
 * SSL context, retry policy, clock). Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface ZegoAiAgentClientCustomizer {

  /** @param builder the builder, with the properties applied */
  void customize(ZegoAiAgentClient.Builder builder);
}
