package io.github.zegoaiagent.client.callback;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Serves a {@link CallbackReceiver} from any jakarta.servlet 6 container (Tomcat, Jetty,
 * Undertow; Spring Boot registers it with the starter). POST only; the body is read up to
 * {@code maxBodyBytes} (413 beyond), handed to the receiver, and the outcome's status is answered
 * with its name as a short text body. The servlet API is a {@code provided} dependency of the
 * client: the container supplies it.
 *
 * <pre>{@code
 * ServletRegistration.Dynamic reg = servletContext.addServlet("zego-callbacks", new CallbackServlet(receiver));
 * reg.addMapping("/zego/callback");
 * }</pre>
 */
public class CallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Default cap on a callback body: UserAudioData carries up to 1.5 s of base64 audio, far below it. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final transient CallbackReceiver receiver;
  private final int maxBodyBytes;

  /** @param receiver the receiver */
  public CallbackServlet(CallbackReceiver receiver) {
    this(receiver, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @param receiver the receiver
   * @param maxBodyBytes largest body accepted; larger ones get 413
   */
  public CallbackServlet(CallbackReceiver receiver, int maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
    }
    this.receiver = receiver;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getContentLengthLong() > maxBodyBytes) {
      answer(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too_large");
      return;
    }
    byte[] body = read(req.getInputStream());
    if (body == null) {
      answer(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too_large");
      return;
    }
    CallbackOutcome outcome = receiver.handle(body);
    answer(resp, outcome.httpStatus(), outcome.status().name().toLowerCase(Locale.ROOT));
  }

  /** @return the body, or null when it exceeds the cap */
  private byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBodyBytes, 8192));
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > maxBodyBytes) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static void answer(HttpServletResponse resp, int status, String text) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/plain;charset=UTF-8");
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  @Override
  public String toString() {
    return "CallbackServlet[" + receiver + "]";
  }
}
