package io.github.zegoaiagent.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link ZegoAiAgentConfigurationException} the Spring Boot way: "APPLICATION FAILED TO
 * START", then the Description (what is wrong, naming the property) and the Action (what to set).
 * Registered in {@code META-INF/spring.factories}.
 */
public final class ZegoAiAgentFailureAnalyzer extends AbstractFailureAnalyzer<ZegoAiAgentConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ZegoAiAgentConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
