package io.github.zegoaiagent.mock.values;

import java.util.Objects;

/**
 * One difference between an exchange and the contract.
 *
 * @param kind what kind of difference
 * @param action the Action (or {@code callback <Event>} for a received callback)
 * @param path where, e.g. {@code Data.Status} ({@code body} for the whole document, {@code Code}
 *     for a code, empty for the exchange itself)
 * @param detail what was found, in words; text from the wire is clipped and never a secret
 */
public record Drift(DriftKind kind, String action, String path, String detail) {
  /** Checks the parts. */
  public Drift {
    Objects.requireNonNull(kind, "kind");
    action = action == null ? "" : action;
    path = path == null ? "" : path;
    detail = detail == null ? "" : detail;
  }

  @Override
  public String toString() {
    return kind.wireName() + " " + action + (path.isEmpty() ? "" : " " + path) + ": " + detail;
  }
}
