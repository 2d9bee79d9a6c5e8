package com.example.voicebackend;

import io.github.zegoaiagent.client.model.AgentInstanceCreatedEvent;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import io.github.zegoaiagent.client.model.LLMResultEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Verified, first-time callbacks arrive as typed Spring events; a listener that throws gets the event redelivered. */
@Component
public class AgentEvents {

  final List<String> log = new CopyOnWriteArrayList<>();

  @EventListener
  public void created(AgentInstanceCreatedEvent e) {
    log.add(e.getAgentInstanceId() + " joined room " + e.getRoomId());
  }

  @EventListener
  public void sentence(LLMResultEvent e) {
    log.add(e.getAgentInstanceId() + " said: " + e.getData().getText());
  }

  @EventListener
  public void deleted(AgentInstanceDeletedEvent e) {
    log.add(e.getAgentInstanceId() + " ended, Code " + e.getData().getCode());
  }
}
