package io.github.zegoaiagent.contract;

/**
 * One entry of the root {@code x-zego-return-codes}.
 *
 * @param code the wire {@code Code}
 * @param name UPPER_SNAKE_CASE constant name, e.g. {@code AGENT_NOT_FOUND}
 * @param layer {@code success}, {@code gateway} (the request never reached the service) or {@code business}
 * @param category error-handling group, e.g. {@code not-found}
 * @param retryable true only where the service certainly did nothing and a fresh attempt may succeed
 * @param anyAction true for {@code scope: all}: any action may return it (else only the actions
 *     listing it in {@code x-zego-errors})
 * @param description what the code means
 */
public record ReturnCode(int code, String name, String layer, String category, boolean retryable,
    boolean anyAction, String description) {
}
