package io.github.zegoaiagent.spring.test.app;

import io.github.zegoaiagent.client.model.CallbackEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A backend as users write it: the starter, its application.yml and a listener bean. */
@SpringBootApplication
public class BackendApplication {

  /** Every verified callback event the starter publishes. */
  @Component
  public static class Events {
    public final List<CallbackEvent> received = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(CallbackEvent event) {
      received.add(event);
    }

    /** @return the names of the events received so far, in order */
    public List<String> names() {
      return received.stream().map(CallbackEvent::getEvent).toList();
    }
  }
}
