package io.github.zegoaiagent.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds and checks {@code zego.aiagent.*} in every application that has the starter, also when no
 * client is configured: a ServerSecret without its AppID, or a callback endpoint switched on without
 * its secret, stops the start with the property named ({@link ZegoAiAgentConfigurationException})
 * instead of silently configuring nothing. With nothing set it does nothing.
 */
@AutoConfiguration
@EnableConfigurationProperties(ZegoAiAgentProperties.class)
public class ZegoAiAgentPropertiesAutoConfiguration {
}
