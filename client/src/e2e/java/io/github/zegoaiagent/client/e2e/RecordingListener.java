package io.github.zegoaiagent.client.e2e;

import io.github.zegoaiagent.client.listener.CallEvent;
import io.github.zegoaiagent.client.listener.CallListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every listener call as a line, and the events themselves. */
final class RecordingListener implements CallListener {

  final List<String> lines = new CopyOnWriteArrayList<>();
  final List<CallEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onAttempt(String action, int attempt) {
    lines.add("attempt " + action + " " + attempt);
  }

  @Override
  public void onSuccess(CallEvent event) {
    events.add(event);
    lines.add("success " + event.action() + " " + event.attempt());
  }

  @Override
  public void onFailure(CallEvent event) {
    events.add(event);
    lines.add("failure " + event.action() + " " + event.attempt() + (event.willRetry() ? " retry" : ""));
  }
}
