package io.github.zegoaiagent.client.internal;

import io.github.zegoaiagent.client.error.ZegoApiException;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.listener.CallListener;
import java.time.Duration;
import java.util.List;

/** Tells every registered listener; a listener that throws is ignored. Internal. */
public final class Listeners {

  private final CallListener[] listeners;

  /** @param listeners the client's listeners, in registration order */
  public Listeners(List<CallListener> listeners) {
    this.listeners = listeners.toArray(new CallListener[0]);
  }

  boolean isEmpty() {
    return listeners.length == 0;
  }

  void attempt(String action, int attempt) {
    for (CallListener l : listeners) {
      try {
        l.onAttempt(action, attempt);
      } catch (RuntimeException ignored) {
        // A listener must never change the outcome of a call.
      }
    }
  }

  void success(String action, int attempt, long startNanos, String requestId) {
    if (listeners.length == 0) {
      return;
    }
    CallEvent e = new CallEvent(action, attempt, Duration.ofNanos(System.nanoTime() - startNanos), 200, 0,
        requestId, null, false);
    for (CallListener l : listeners) {
      try {
        l.onSuccess(e);
      } catch (RuntimeException ignored) {
        // A listener must never change the outcome of a call.
      }
    }
  }

  void failure(String action, int attempt, long startNanos, ZegoException failure, boolean willRetry) {
    if (listeners.length == 0) {
      return;
    }
    int status = 0;
    Integer code = null;
    String requestId = null;
    if (failure instanceof ZegoApiException api) {
      status = 200;
      code = api.code();
      requestId = api.requestId();
    } else if (failure instanceof ZegoTransportException t) {
      status = t.httpStatus();
    }
    Duration d = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    CallEvent e = new CallEvent(action, attempt, d, status, code, requestId, failure, willRetry);
    for (CallListener l : listeners) {
      try {
        l.onFailure(e);
      } catch (RuntimeException ignored) {
        // A listener must never change the outcome of a call.
      }
    }
  }
}
