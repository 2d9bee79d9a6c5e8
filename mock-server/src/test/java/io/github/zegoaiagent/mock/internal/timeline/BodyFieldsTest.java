package io.github.zegoaiagent.mock.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BodyFieldsTest {
  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("{\"AgentInstanceId\":\"123\"}", "123"),
        Arguments.of("{ \"AgentInstanceId\" :\n \"123\" , \"Text\":\"x\"}", "123"),
        Arguments.of("{\"Text\":\"say \\\"AgentInstanceId\\\": no\",\"AgentInstanceId\":\"7\"}", "7"),
        Arguments.of("{\"Text\":\"AgentInstanceId\",\"AgentInstanceId\":\"8\"}", "8"),
        Arguments.of("{\"Note\":\"\\\"AgentInstanceId\\\"\",\"AgentInstanceId\":\"9\"}", "9"),
        Arguments.of("{\"AgentInstanceId\":\"<script>\\u0041\\/\\\\\\n\"}", "<script>A/\\\n"),
        Arguments.of("{\"AgentInstanceId\":12}", null),
        Arguments.of("{\"AgentInstanceId\":\"cut off", null),
        Arguments.of("{\"AgentInstanceId\":\"bad \\u00zz\"}", null),
        Arguments.of("not json at all", null),
        Arguments.of(null, null),
        Arguments.of("{\"Outer\":{\"AgentInstanceId\":\"nested\"}}", "nested"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void readsOneStringMember(String json, String expected) {
    assertThat(BodyFields.string(json, "AgentInstanceId")).isEqualTo(expected);
  }
}
