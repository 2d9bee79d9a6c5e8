package io.github.zegoaiagent.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.model.CallbackEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated handler interface and dispatch follow the contract's components.callbacks. */
class CallbackDispatchTest {

  /** Event name to schema name, from the discriminator of the schema components.callbacks delivers. */
  private static Map<String, String> contractEvents() {
    JsonNode spec = SpecExamples.spec();
    Map<String, String> events = new TreeMap<>();
    for (io.github.zegoaiagent.contract.Callback callback : SpecExamples.contract().callbacks()) {
      JsonNode schema = spec.at(callback.request().target());
      schema.at("/discriminator/mapping").properties().forEach(e ->
          events.put(e.getKey(), e.getValue().asText().substring(e.getValue().asText().lastIndexOf('/') + 1)));
    }
    return events;
  }

  @Test
  void theHandlerHasOneMethodPerContractEventAndAFallback() {
    Map<String, String> events = contractEvents();
    assertThat(events).isNotEmpty();
    Set<String> methods = Arrays.stream(CallbackHandler.class.getMethods()).map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = events.keySet().stream().map(e -> "on" + e).collect(Collectors.toCollection(TreeSet::new));
    expected.add("onUnknownEvent");
    assertThat(methods).isEqualTo(expected);
    for (Method m : CallbackHandler.class.getMethods()) {
      assertThat(m.isDefault()).as(m.getName() + " has a default, so new events never break a handler").isTrue();
      if (!m.getName().equals("onUnknownEvent")) {
        assertThat(m.getParameterTypes()[0].getSimpleName()).isEqualTo(events.get(m.getName().substring(2)));
      }
    }
    assertThat(CallbackEvents.TYPES.keySet()).isEqualTo(events.keySet());
    // The only discriminated oneOf in the contract is the callback body (the templates rely on it).
    List<String> discriminated = new ArrayList<>();
    SpecExamples.spec().at("/components/schemas").properties().forEach(e -> {
      if (e.getValue().has("discriminator")) {
        discriminated.add(e.getKey());
      }
    });
    assertThat(discriminated).hasSize(1);
  }

  @Test
  void everyEventReachesItsMethodAndUnknownOnesTheFallback() {
    CallbackVerifier verifier = CallbackVerifier.builder("s")
        .clock(Clock.fixed(Instant.ofEpochMilli(1745502313000L), ZoneOffset.UTC)).build();
    List<String> calls = new ArrayList<>();
    CallbackHandler recorder = (CallbackHandler) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {CallbackHandler.class}, (proxy, method, args) -> {
          calls.add(method.getName() + ":" + ((CallbackEvent) args[0]).getEvent());
          return null;
        });
    CallbackReceiver receiver = new CallbackReceiver(verifier, recorder);
    long nonce = 1;
    List<String> expected = new ArrayList<>();
    for (String event : contractEvents().keySet()) {
      assertThat(receiver.handle(body(verifier, event, nonce++)).status()).isEqualTo(CallbackOutcome.Status.HANDLED);
      expected.add("on" + event + ":" + event);
    }
    assertThat(receiver.handle(body(verifier, "BrandNewEvent", nonce)).status()).isEqualTo(CallbackOutcome.Status.HANDLED);
    expected.add("onUnknownEvent:BrandNewEvent");
    assertThat(calls).isEqualTo(expected);
  }

  private static byte[] body(CallbackVerifier verifier, String event, long n) {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Event", event);
    body.remove("Data"); // every event's Data is optional in the schema
    body.put("Nonce", Long.toString(n));
    body.put("Sequence", n);
    body.put("Signature", verifier.expectedSignature(body.get("Timestamp").asText(), Long.toString(n)));
    return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
