/**
 * Request and answer bodies of the mock's control API, generated from
 * {@code mock-server/src/main/openapi/mock-control.yaml} (Jackson POJOs with fluent setters).
 */
package io.github.zegoaiagent.mock.control.model;
