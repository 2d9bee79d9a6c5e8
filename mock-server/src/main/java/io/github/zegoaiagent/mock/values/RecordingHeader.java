package io.github.zegoaiagent.mock.values;

/**
 * The first line of a recording ({@code --record}): which format and contract the lines that
 * follow are written in.
 *
 * @param format always {@value #FORMAT}
 * @param version the format's version; readers refuse a version they do not know
 * @param contract the contract's {@code info.version} the proxy checked against, e.g. {@code 2.13.5}
 * @param upstream where the exchanges went (scheme, host, port and path only), or null
 * @param startedAt when recording started, ISO-8601 UTC
 */
public record RecordingHeader(String format, int version, String contract, String upstream, String startedAt) {
  /** The format's name. */
  public static final String FORMAT = "zego-aiagent-recording";
  /** The version this build writes and reads. */
  public static final int VERSION = 1;
}
