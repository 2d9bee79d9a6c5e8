package io.github.zegoaiagent.mock.internal.route;

import io.github.zegoaiagent.mock.values.JournalEntry;

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
  void answered(JournalEntry entry, long nanos);

  /**
   * Called on the request's thread when the pipeline starts on it, before anything it causes
   * (the dashboard's timeline puts the request before its effects); must be quick.
   */
  default void received() {
  }

  /**
   * @param first told first
   * @param second told second
   * @return a listener telling both
   */
  static RequestListener both(RequestListener first, RequestListener second) {
    return new RequestListener() {
      @Override
      public void answered(JournalEntry entry, long nanos) {
        first.answered(entry, nanos);
        second.answered(entry, nanos);
      }

      @Override
      public void received() {
        first.received();
        second.received();
      }
    };
  }
}
