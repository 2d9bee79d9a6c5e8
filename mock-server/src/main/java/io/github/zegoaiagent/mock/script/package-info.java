/**
 * Conversation scripts: timed user events (joins, leaves, utterances) that the mock plays against
 * one agent instance on its clock, so a whole call (user speaks, ASR result, LLM answer, agent
 * speaks, user interrupts, user goes away past MaxIdleTime) is one deterministic test step.
 *
 * <p>Build a {@link io.github.zegoaiagent.mock.script.ConversationScript} in Java
 * ({@link io.github.zegoaiagent.mock.script.ConversationScript#builder()}) or read it from JSON or
 * YAML ({@link io.github.zegoaiagent.mock.script.ConversationScript#parse(String)}); run it with
 * {@code MockServer.loadScript}, {@code ZegoMock.runScript} or {@code POST
 * /_mock/instances/{id}/script}. The module README describes the format and the callbacks each
 * event produces.
 */
package io.github.zegoaiagent.mock.script;
