/**
 * Plain Feign over the generated bindings ({@code api.*ApiFeign}): signing, encoding and strict
 * decoding as {@link io.github.zegoaiagent.client.ZegoAiAgentClient} does them. Only for
 * applications that add {@code io.github.openfeign:feign-core} themselves (an optional dependency
 * of the client).
 */
package io.github.zegoaiagent.client.feign;
