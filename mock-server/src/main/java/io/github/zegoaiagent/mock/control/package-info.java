/**
 * The Java client of the mock's control API ({@code /_mock/}): {@link
 * io.github.zegoaiagent.mock.control.MockControlClient}, generated from the API's own OpenAPI
 * document ({@code mock-server/src/main/openapi/mock-control.yaml}, packaged as
 * {@code /zego-aiagent-mock/mock-control.yaml}). It needs only the mock's base URL, so it works the
 * same for a mock embedded in this JVM ({@code MockServer.baseUrl()}) and for a standalone or
 * containerised one.
 */
package io.github.zegoaiagent.mock.control;
