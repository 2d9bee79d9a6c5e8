package io.github.zegoaiagent.mock.internal.callback;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.github.zegoaiagent.mock.internal.generated.model.CallbackEvent;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Event names of the generated callback models, read from the contract's {@code CallbackEvent}
 * discriminator (generated as {@code @JsonSubTypes} on {@link CallbackEvent}): each
 * {@code *EventData} type belongs to the one {@code *Event} whose {@code Data} it is, and that
 * event's name is its discriminator value. No event name is written by hand in the mock.
 */
public final class CallbackEvents {
  private static final Map<Class<?>, String> NAMES = names();

  private CallbackEvents() {
  }

  private static Map<Class<?>, String> names() {
    Map<Class<?>, String> out = new HashMap<>();
    JsonSubTypes sub = CallbackEvent.class.getAnnotation(JsonSubTypes.class);
    for (JsonSubTypes.Type t : sub.value()) {
      try {
        Method data = t.value().getMethod("getData");
        out.put(data.getReturnType(), t.name());
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("generated event " + t.value().getSimpleName()
            + " has no Data", e);
      }
    }
    return Map.copyOf(out);
  }

  /**
   * @param dataType a generated {@code *EventData} type
   * @return the Event name whose Data it is, for example {@code AgentInstanceStatus}
   * @throws IllegalArgumentException for a type that is no event's Data
   */
  public static String nameOf(Class<?> dataType) {
    String n = NAMES.get(dataType);
    if (n == null) {
      throw new IllegalArgumentException(dataType.getSimpleName() + " is not the Data of any CallbackEvent");
    }
    return n;
  }

  /** @return every Event name by its Data type */
  public static Map<Class<?>, String> all() {
    return NAMES;
  }
}
