package io.github.zegoaiagent.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.model.AgentInstanceDeletedEvent;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The servlet adapter over plain request/response fakes (the starter's tests run it in Tomcat). */
class CallbackServletTest {

  private final CallbackVerifier verifier = CallbackVerifier.builder("s")
      .clock(Clock.fixed(Instant.ofEpochMilli(1745502313000L), ZoneOffset.UTC)).build();
  private final List<String> deleted = new ArrayList<>();
  private final CallbackServlet servlet = new CallbackServlet(new CallbackReceiver(verifier, new CallbackHandler() {
    @Override
    public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
      deleted.add(event.getAgentInstanceId());
    }
  }), 4096);

  /** Status and body of a fake POST. */
  record Answer(int status, String body) { }

  private Answer post(byte[] body, long declaredLength) throws Exception {
    return post(servlet, body, declaredLength);
  }

  private Answer post(CallbackServlet target, byte[] body, long declaredLength) throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    ServletInputStream sin = new ServletInputStream() {
      @Override public int read() { return in.read(); }
      @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
      @Override public boolean isFinished() { return in.available() == 0; }
      @Override public boolean isReady() { return true; }
      @Override public void setReadListener(ReadListener l) { }
    };
    HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
          case "getMethod" -> "POST";
          case "getContentLengthLong" -> declaredLength;
          case "getInputStream" -> sin;
          default -> null;
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] status = {0};
    ServletOutputStream sout = new ServletOutputStream() {
      @Override public void write(int b) { out.write(b); }
      @Override public boolean isReady() { return true; }
      @Override public void setWriteListener(WriteListener l) { }
    };
    HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
          if (m.getName().equals("setStatus")) {
            status[0] = (Integer) a[0];
          }
          return m.getName().equals("getOutputStream") ? sout : null;
        });
    target.service(req, resp);
    return new Answer(status[0], out.toString(StandardCharsets.UTF_8).trim());
  }

  private byte[] signed() {
    ObjectNode body = (ObjectNode) SpecExamples.callbackExample().deepCopy();
    body.put("Signature", verifier.expectedSignature(body.get("Timestamp").asText(), body.get("Nonce").asText()));
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void answersTheOutcomeOfEachDelivery() throws Exception {
    byte[] body = signed();
    assertThat(post(body, body.length)).isEqualTo(new Answer(200, "handled"));
    assertThat(post(body, -1)).isEqualTo(new Answer(200, "duplicate"));
    byte[] forged = new String(body, StandardCharsets.UTF_8).replace("\"Nonce\":\"", "\"Nonce\":\"9").getBytes(StandardCharsets.UTF_8);
    assertThat(post(forged, forged.length)).isEqualTo(new Answer(401, "forged"));
    assertThat(post("x".getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(new Answer(400, "malformed"));
    assertThat(deleted).containsExactly("1912124734317838336");
  }

  @Test
  void anErrorInTheHandlerReachesTheContainerAndTheRetryIsHandled() throws Exception {
    int[] calls = {0};
    CallbackServlet failingOnce = new CallbackServlet(new CallbackReceiver(verifier, new CallbackHandler() {
      @Override
      public void onAgentInstanceDeleted(AgentInstanceDeletedEvent event) {
        if (calls[0]++ == 0) {
          throw new AssertionError("a test assertion inside the handler");
        }
        deleted.add(event.getAgentInstanceId());
      }
    }));
    byte[] body = signed();

    // The container answers 500 for an Error escaping a servlet: the service delivers it again.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(failingOnce, body, body.length))
        .isInstanceOf(AssertionError.class);
    assertThat(post(failingOnce, body, body.length)).isEqualTo(new Answer(200, "handled"));
    assertThat(deleted).containsExactly("1912124734317838336");
  }

  @Test
  void refusesBodiesOverTheCapWhetherDeclaredOrNot() throws Exception {
    byte[] big = new byte[5000];
    assertThat(post(big, big.length).status()).isEqualTo(413);
    assertThat(post(big, -1).status()).isEqualTo(413); // chunked: counted while reading
    assertThat(deleted).isEmpty();
  }
}
