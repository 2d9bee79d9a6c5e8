/**
 * A typed, read-only view of the AI Agent contract ({@code openapi/zego-aiagent.yaml}, packaged in
 * this jar): actions, limits, return codes and errors per action, secret schema paths, defaults,
 * enums and legacy values, tolerance rules and callbacks, read once from the document with every
 * {@code x-zego-*} extension checked for its documented form.
 *
 * <p>Start with {@link io.github.zegoaiagent.contract.ZegoContract#load()}. Tools that need raw
 * schemas (a JSON Schema validator, a request generator) get them as copies through
 * {@link io.github.zegoaiagent.contract.ZegoContract#node(String)}, addressed by the JSON pointers
 * the model hands out ({@link io.github.zegoaiagent.contract.SchemaRef}).
 */
package io.github.zegoaiagent.contract;
