package io.github.zegoaiagent.client.internal;

/**
 * One action of the contract as the runtime needs it: its {@code x-zego-action} and the generated
 * request and response types. Instances are generated ({@code internal.generated.Invokers}).
 * Internal: not part of the supported API.
 *
 * @param action the {@code Action} query value
 * @param requestType the request body type
 * @param responseType the decoded answer type
 * @param <Q> the request type
 * @param <R> the response type
 */
public record ActionSpec<Q, R>(String action, Class<Q> requestType, Class<R> responseType) { }
