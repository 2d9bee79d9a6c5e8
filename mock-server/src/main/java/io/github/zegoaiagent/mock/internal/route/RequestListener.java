package io.github.zegoaiagent.mock.internal.route;

import io.github.zegoaiagent.mock.internal.state.JournalRecord;

/** Told of every API request the pipeline answered (e.g. the console request log). */
@FunctionalInterface
public interface RequestListener {
  /** Tells nobody. */
  RequestListener NONE = (entry, nanos) -> { };

  /**
   * Called on the request's thread after it was journaled; must be quick and must not throw.
   *
   * @param entry the journal entry (secrets masked)
   * @param nanos time the pipeline took
   */
  void answered(JournalRecord entry, long nanos);
}
