/**
 * Spring Boot auto-configuration of the ZEGOCLOUD AI Agent toolkit: {@code zego.aiagent.*}
 * properties ({@link io.github.zegoaiagent.spring.ZegoAiAgentProperties}), the client beans, the
 * token service, metrics, health and the callback endpoint. Works on Spring Boot 4.x and 3.5.x.
 */
package io.github.zegoaiagent.spring;
