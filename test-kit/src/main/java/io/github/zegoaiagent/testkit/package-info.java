/**
 * The JUnit 5 test kit: {@link io.github.zegoaiagent.testkit.ZegoAiAgentTest} gives a test class a
 * mock server and a ready {@code ZegoAiAgentClient} whose clock follows the mock's, plus the mock's
 * control client and callback sink.
 */
package io.github.zegoaiagent.testkit;
