package io.github.zegoaiagent.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code zego.aiagent.app-id} has a value. Unlike {@code @ConditionalOnProperty},
 * an empty value ({@code app-id: ${ZEGO_APP_ID:}} without the variable) does not match: empty
 * means unset everywhere in the starter.
 */
final class OnAppIdCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String appId = Binder.get(context.getEnvironment()).bind("zego.aiagent.app-id", String.class).orElse("");
    return appId.isBlank()
        ? ConditionOutcome.noMatch("zego.aiagent.app-id is not set (missing or empty)")
        : ConditionOutcome.match("zego.aiagent.app-id is set");
  }
}
