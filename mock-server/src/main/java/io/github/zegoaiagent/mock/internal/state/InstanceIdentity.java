package io.github.zegoaiagent.mock.internal.state;

/**
 * What names an instance and never changes.
 *
 * @param appId owning App
 * @param id AgentInstanceId
 * @param kind create action
 * @param agentId registered agent
 * @param agentName its name at creation
 * @param userId real user, or null
 * @param roomId RTC room, or null (CDN)
 * @param agentStreamId published stream, or null (CDN)
 * @param agentUserId agent's room user, or null (CDN)
 * @param createdAt clock millis
 */
public record InstanceIdentity(long appId, String id, InstanceKind kind, String agentId, String agentName,
    String userId, String roomId, String agentStreamId, String agentUserId, long createdAt) {
}
