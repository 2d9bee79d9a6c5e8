package io.github.zegoaiagent.spring.testapp;

import io.github.zegoaiagent.client.callback.CallbackHandler;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import io.github.zegoaiagent.client.model.CallbackEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The application of the starter's tests: nothing but the starter, a listener bean and a handler bean (outside the starter's packages, so scanning finds none of its classes). */
@SpringBootApplication
public class StarterTestApplication {

  /** Records every callback event published by the starter. */
  @Component
  public static class RecordingListener {
    public final List<CallbackEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(CallbackEvent event) {
      events.add(event);
    }
  }

  /** A CallbackHandler bean, called besides the application events. */
  public static class DeletedHandler implements CallbackHandler {
    public final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
      deleted.add(event.getAgentInstanceId());
    }
  }

  @Bean
  public DeletedHandler deletedHandler() {
    return new DeletedHandler();
  }
}
