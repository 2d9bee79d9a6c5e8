package io.github.zegoaiagent.spring.callback;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the callback endpoint is to be served: {@code zego.aiagent.callback.enabled=true},
 * or that property unset and {@code zego.aiagent.callback.secret} not empty. {@code false} always
 * switches it off. (An enabled endpoint without a secret is refused when the properties are bound.)
 */
final class OnCallbackEndpointCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    Boolean enabled = binder.bind("zego.aiagent.callback.enabled", Boolean.class).orElse(null);
    if (enabled != null) {
      return new ConditionOutcome(enabled, "zego.aiagent.callback.enabled is " + enabled);
    }
    String secret = binder.bind("zego.aiagent.callback.secret", String.class).orElse("");
    return secret.isBlank()
        ? ConditionOutcome.noMatch("neither zego.aiagent.callback.enabled nor zego.aiagent.callback.secret is set")
        : ConditionOutcome.match("zego.aiagent.callback.secret is set");
  }
}
