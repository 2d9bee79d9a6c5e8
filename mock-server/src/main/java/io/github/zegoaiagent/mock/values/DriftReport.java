package io.github.zegoaiagent.mock.values;

import java.util.List;

/**
 * What the validating proxy (or a {@code DriftDetector}) saw since it started or was cleared:
 * exchanges and callbacks per action, and for each drift kind its count and one masked example.
 *
 * @param upstream where the proxy forwards (scheme, host, port and path), or null when the mock
 *     simulates
 * @param since when counting started, ISO-8601 UTC
 * @param exchanges API exchanges seen
 * @param callbacks callbacks received
 * @param drifted exchanges and callbacks with at least one drift
 * @param recording the recording being written, or null
 * @param actions per action (callbacks as {@code callback <Event>}), in the order first seen
 */
public record DriftReport(String upstream, String since, long exchanges, long callbacks, long drifted,
    Recording recording, List<ActionDrift> actions) {
  /** Copies the list. */
  public DriftReport {
    actions = List.copyOf(actions);
  }

  /**
   * @return every drift count of every action
   */
  public long driftCount() {
    return actions.stream().flatMap(a -> a.drift().stream()).mapToLong(DriftCount::count).sum();
  }

  /**
   * One action's exchanges.
   *
   * @param action the Action, or {@code callback <Event>}
   * @param exchanges exchanges seen
   * @param drift per kind, in the order first seen
   * @param tolerated requests the client would refuse that the tolerant face and the service
   *     accepted, per tolerance rule
   */
  public record ActionDrift(String action, long exchanges, List<DriftCount> drift, List<Tolerated> tolerated) {
    /** Copies the lists. */
    public ActionDrift {
      drift = List.copyOf(drift);
      tolerated = List.copyOf(tolerated);
    }
  }

  /**
   * How often one kind of drift was seen for an action.
   *
   * @param kind the kind
   * @param count how often (one exchange may count several times, once per place)
   * @param example the first one seen
   */
  public record DriftCount(DriftKind kind, long count, DriftExample example) {
  }

  /**
   * The first drift of a kind: where, what, and the exchange it came from.
   *
   * @param path where in the document
   * @param detail what was found
   * @param exchange the exchange, masked
   */
  public record DriftExample(String path, String detail, RecordedExchange exchange) {
  }

  /**
   * Requests accepted only thanks to a tolerance rule of the contract (ADR 0004): evidence that
   * the service lives by it.
   *
   * @param rule e.g. {@code nullMeansAbsent}, {@code unknownProperties}, {@code legacyValues}
   * @param count requests
   * @param example the first place, e.g. {@code RTC.AgentUserID}
   */
  public record Tolerated(String rule, long count, String example) {
  }

  /**
   * The recording being written.
   *
   * @param path the file
   * @param header its first line
   * @param lines exchanges written so far
   * @param lost exchanges not written (the disk was too slow or the file reached its size bound)
   */
  public record Recording(String path, RecordingHeader header, long lines, long lost) {
  }
}
