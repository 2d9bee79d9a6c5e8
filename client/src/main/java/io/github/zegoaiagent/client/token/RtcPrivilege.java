package io.github.zegoaiagent.client.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RTC privilege payload of a "strict" token: the room the user may log into, whether it may log
 * in and publish, and which stream IDs it may publish. The service checks it only where ZEGO support
 * enabled room/stream authentication for the App; ZIM tokens must not carry it. Immutable.
 *
 * <pre>{@code
 * RtcPrivilege p = RtcPrivilege.builder().roomId("room_1").loginRoom(true).publishStream(false).build();
 * String token = generator.generate("user_1", Duration.ofHours(1), p);
 * }</pre>
 */
public final class RtcPrivilege {

  private final String roomId;
  private final Boolean loginRoom;
  private final Boolean publishStream;
  private final List<String> streamIds;

  private RtcPrivilege(Builder b) {
    this.roomId = b.roomId;
    this.loginRoom = b.loginRoom;
    this.publishStream = b.publishStream;
    this.streamIds = b.streamIds == null ? null : List.copyOf(b.streamIds);
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the room the token is limited to; empty means any room */
  public String roomId() {
    return roomId;
  }

  /** @return privilege "1" (log into the room), or null when not stated */
  public Boolean loginRoom() {
    return loginRoom;
  }

  /** @return privilege "2" (publish a stream), or null when not stated */
  public Boolean publishStream() {
    return publishStream;
  }

  /** @return the stream IDs the user may publish, or null for no restriction */
  public List<String> streamIds() {
    return streamIds;
  }

  /**
   * @return the payload text that goes into the token, e.g.
   *     {@code {"room_id":"demo","privilege":{"1":1,"2":0},"stream_id_list":null}}
   */
  public String toPayload() {
    StringBuilder out = new StringBuilder("{\"room_id\":");
    TokenJson.string(out, roomId);
    out.append(",\"privilege\":{");
    if (loginRoom != null) {
      out.append("\"1\":").append(loginRoom ? 1 : 0);
    }
    if (publishStream != null) {
      out.append(loginRoom != null ? "," : "").append("\"2\":").append(publishStream ? 1 : 0);
    }
    out.append("},\"stream_id_list\":");
    if (streamIds == null) {
      out.append("null");
    } else {
      out.append('[');
      for (int i = 0; i < streamIds.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        TokenJson.string(out, streamIds.get(i));
      }
      out.append(']');
    }
    return out.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RtcPrivilege p && roomId.equals(p.roomId) && Objects.equals(loginRoom, p.loginRoom)
        && Objects.equals(publishStream, p.publishStream) && Objects.equals(streamIds, p.streamIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(roomId, loginRoom, publishStream, streamIds);
  }

  @Override
  public String toString() {
    return "RtcPrivilege" + toPayload();
  }

  /** Builds an {@link RtcPrivilege}; room ID and at least one privilege are required. */
  public static final class Builder {

    private String roomId;
    private Boolean loginRoom;
    private Boolean publishStream;
    private List<String> streamIds;

    private Builder() { }

    /**
     * @param roomId the only room the user may log into; {@code ""} for any room
     * @return this
     */
    public Builder roomId(String roomId) {
      this.roomId = roomId;
      return this;
    }

    /**
     * @param allowed whether the user may log into the room (privilege "1")
     * @return this
     */
    public Builder loginRoom(boolean allowed) {
      this.loginRoom = allowed;
      return this;
    }

    /**
     * @param allowed whether the user may publish a stream (privilege "2")
     * @return this
     */
    public Builder publishStream(boolean allowed) {
      this.publishStream = allowed;
      return this;
    }

    /**
     * @param streamIds the stream IDs the user may publish; null or empty for no restriction
     * @return this
     */
    public Builder streamIds(List<String> streamIds) {
      if (streamIds != null) {
        for (String id : streamIds) {
          Objects.requireNonNull(id, "streamIds must not contain null");
        }
      }
      this.streamIds = streamIds == null ? null : new ArrayList<>(streamIds);
      return this;
    }

    /**
     * @return the privilege
     * @throws IllegalArgumentException without a room ID (use {@code ""} for any room) or without
     *     any privilege
     */
    public RtcPrivilege build() {
      if (roomId == null) {
        throw new IllegalArgumentException("RtcPrivilege needs a roomId (\"\" for any room)");
      }
      if (loginRoom == null && publishStream == null) {
        throw new IllegalArgumentException("RtcPrivilege needs loginRoom or publishStream (or both)");
      }
      return new RtcPrivilege(this);
    }
  }
}
