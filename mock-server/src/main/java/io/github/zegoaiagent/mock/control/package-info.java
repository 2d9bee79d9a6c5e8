/**
 * The mock's control API ({@code /_mock/}) in Java: one interface,
 * {@link io.github.zegoaiagent.mock.control.MockControl}, and its values in {@code model/}, all
 * generated from the API's own OpenAPI document ({@code mock-server/src/main/openapi/mock-control.yaml},
 * packaged as {@code /zego-aiagent-mock/mock-control.yaml}). Two implementations: the embedded
 * {@code MockServer} (in this JVM) and the HTTP client
 * {@link io.github.zegoaiagent.mock.control.MockControlClient}, which needs only a base URL, so a
 * test written against the interface runs against an embedded, a standalone or a containerised
 * mock.
 */
package io.github.zegoaiagent.mock.control;
