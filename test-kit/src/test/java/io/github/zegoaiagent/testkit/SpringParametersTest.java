package io.github.zegoaiagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterContext;
import org.springframework.beans.factory.annotation.Autowired;

/** The kit's resolver leaves {@code @Autowired} parameters to Spring: no "competing ParameterResolvers". */
class SpringParametersTest {

  @SuppressWarnings("unused")
  void test(@Autowired ZegoAiAgentClient springs, ZegoAiAgentClient kits) { }

  static ParameterContext parameter(Method m, int index) {
    return new ParameterContext() {
      @Override
      public Parameter getParameter() {
        return m.getParameters()[index];
      }

      @Override
      public int getIndex() {
        return index;
      }

      @Override
      public Optional<Object> getTarget() {
        return Optional.empty();
      }
    };
  }

  @Test
  void autowiredParametersAreSpringsTheOthersTheKits() throws Exception {
    Method m = getClass().getDeclaredMethod("test", ZegoAiAgentClient.class, ZegoAiAgentClient.class);
    ZegoAiAgentClientResolver resolver = new ZegoAiAgentClientResolver();
    assertThat(resolver.supportsParameter(parameter(m, 0), null)).isFalse();
    assertThat(resolver.supportsParameter(parameter(m, 1), null)).isTrue();
  }
}
