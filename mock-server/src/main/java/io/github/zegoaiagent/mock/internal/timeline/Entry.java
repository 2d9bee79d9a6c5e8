package io.github.zegoaiagent.mock.internal.timeline;

import io.github.zegoaiagent.mock.control.model.CallbackDelivery;
import io.github.zegoaiagent.mock.control.model.DeliveryAttempt;
import io.github.zegoaiagent.mock.control.model.TimelineEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One timeline entry as {@link Timeline} keeps it: mutable only where a callback's delivery
 * goes on (state, note, attempts), always under the timeline's lock; handed out as a copy
 * ({@link #toModel}).
 */
final class Entry {
  /** Longest text kept in one field. */
  static final int MAX_TEXT = 4096;
  /** Attempts kept per callback (later ones are counted only). */
  static final int MAX_ATTEMPTS = 32;

  final String instanceId;
  final long order;
  final long atMillis;
  final TimelineEntry.KindEnum kind;
  String title;
  String action;
  Long code;
  String codeName;
  Long journalSequence;
  String event;
  Long round;
  String text;
  String playedText;
  String detail;
  /** Planned script step (dropped when the script is replaced or the instance ends first). */
  boolean planned;
  /** Callback delivery, for event entries. */
  CallbackDelivery.StateEnum state;
  Long sequence;
  String note;
  final List<DeliveryAttempt> attempts = new ArrayList<>(1);
  int attemptsNotKept;
  Long nextAttemptAtMillis;

  Entry(String instanceId, long order, long atMillis, TimelineEntry.KindEnum kind, String title) {
    this.instanceId = instanceId;
    this.order = order;
    this.atMillis = atMillis;
    this.kind = kind;
    this.title = clip(title);
  }

  static String clip(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }

  /** @return characters this entry holds, counted against the timeline's budget */
  long chars() {
    return 64 + len(instanceId) + len(title) + len(action) + len(codeName) + len(event) + len(text)
        + len(playedText) + len(detail) + len(note) + 48L * attempts.size();
  }

  private static long len(String s) {
    return s == null ? 0 : s.length();
  }

  void attempt(int number, long sentAtMillis, boolean ok, String outcome, long nextAtMillis) {
    if (attempts.size() < MAX_ATTEMPTS) {
      attempts.add(new DeliveryAttempt().number(number).atMillis(sentAtMillis).ok(ok).outcome(clip(outcome)));
    } else {
      attemptsNotKept++;
    }
    nextAttemptAtMillis = nextAtMillis < 0 ? null : nextAtMillis;
    String tries = number == 1 ? "the first attempt" : "attempt " + number;
    if (ok) {
      state = CallbackDelivery.StateEnum.DELIVERED;
      note = "delivered on " + tries + " (" + outcome + ")";
    } else if (nextAtMillis >= 0) {
      state = CallbackDelivery.StateEnum.RETRYING;
      note = tries + " failed (" + outcome + "); the next one is planned on the mock clock";
    } else {
      state = CallbackDelivery.StateEnum.DROPPED;
      note = "dropped after " + number + (number == 1 ? " attempt" : " attempts") + " (last: " + outcome
          + "): check that the receiver answers 2xx within the callback timeout";
    }
    if (attemptsNotKept > 0) {
      note += " (" + attemptsNotKept + " later attempts not kept)";
    }
  }

  TimelineEntry toModel() {
    TimelineEntry m = new TimelineEntry().atMillis(atMillis).kind(kind).title(title).action(action).code(code)
        .codeName(codeName).journalSequence(journalSequence).event(event).round(round).text(text)
        .playedText(playedText).detail(detail);
    if (state != null) {
      m.callback(new CallbackDelivery().state(state).sequence(sequence).note(note)
          .attempts(new ArrayList<>(attempts)).nextAttemptAtMillis(nextAttemptAtMillis));
    }
    return m;
  }
}
