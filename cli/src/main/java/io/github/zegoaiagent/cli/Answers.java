package io.github.zegoaiagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.contract.ReturnCode;
import io.github.zegoaiagent.contract.ZegoContract;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads what came back for {@code call}: the API's envelope printed (pretty unless {@code --raw}),
 * a non-zero Code named with its contract name and what to do next, and anything that is not the
 * API's envelope said in one line.
 */
final class Answers {
  private Answers() {
  }

  /**
   * @param a the answer
   * @param r the request it answers
   * @param raw print the body as received
   * @param out standard output (the answer)
   * @param err standard error (the diagnosis)
   * @return the exit status
   */
  static int report(Wire.Answer a, SignedRequest r, boolean raw, PrintStream out, PrintStream err) {
    JsonNode envelope = envelope(a);
    if (envelope == null) {
      String type = a.contentType().isEmpty() ? "no Content-Type" : Text.clip(a.contentType(), 60);
      err.println("error: not the ZEGO AI Agent API: HTTP " + a.status() + " " + type + " from "
          + base(r.url()) + "; check the endpoint (--endpoint, ZEGO_ENDPOINT or --region)");
      if (a.body().length > 0) {
        err.println("  the answer begins: " + Text.clip(new String(a.body(), StandardCharsets.UTF_8)));
      }
      return Main.Exit.NO_ANSWER;
    }
    if (raw) {
      out.println(new String(a.body(), StandardCharsets.UTF_8));
    } else {
      try {
        out.println(RequestBody.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope));
      } catch (IOException e) {
        out.println(new String(a.body(), StandardCharsets.UTF_8));
      }
    }
    int code = envelope.get("Code").intValue();
    if (code == 0) {
      return Main.Exit.OK;
    }
    String message = envelope.path("Message").asText("");
    err.println("error: " + r.action() + " answered Code " + code + " " + name(code)
        + (message.isEmpty() ? "" : ": " + Text.clip(message)));
    String next = nextStep(code, r);
    if (next != null) {
      err.println("  " + next);
    }
    return Main.Exit.REFUSED;
  }

  /** @return the envelope, or null when the answer is not one (another server answered) */
  private static JsonNode envelope(Wire.Answer a) {
    if (a.status() != 200) {
      return null;
    }
    try {
      JsonNode n = RequestBody.JSON.readTree(a.body());
      return n != null && n.isObject() && n.path("Code").isIntegralNumber() && n.path("Code").canConvertToInt() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * @param code a return code
   * @return its name in the contract ({@code SIGNATURE_WRONG}), or {@code (undocumented)}
   */
  static String name(int code) {
    return contractCode(code).map(ReturnCode::name).orElse("(undocumented)");
  }

  private static Optional<ReturnCode> contractCode(int code) {
    try {
      return ZegoContract.load().returnCode(code);
    } catch (RuntimeException e) {
      return Optional.empty(); // the contract is inside this jar; a broken build must not hide the answer
    }
  }

  /** What to check for the codes a first call meets; else what the contract says the code means. */
  static String nextStep(int code, SignedRequest r) {
    String app = "AppId " + r.signed().appId();
    switch (code) {
      case 100000004: {
        String when = Instant.ofEpochSecond(r.signed().timestamp()).toString();
        Long mock = !isService(r.url()) ? SignedRequest.mockClockSeconds(base(r.url())) : null;
        return "the Timestamp " + r.signed().timestamp() + " (" + when + ") is more than 600 s from the server's clock: "
            + (mock != null ? "this is a mock whose clock reads " + mock + " (" + Instant.ofEpochSecond(mock)
                + "); sign on its clock with --timestamp mock" : "check this machine's clock (or sign with --timestamp)");
      }
      case 100000005:
        return "the ServerSecret does not belong to " + app + ": copy both from the same place"
            + " (the mock's banner, or the ZEGOCLOUD console), 32 characters, no spaces";
      case 100000001:
      case 100000010:
      case 410000002:
        return app + " is not known at " + base(r.url()) + ": check --app-id / ZEGO_APP_ID and the endpoint"
            + " (the mock's banner lists its AppIds)";
      case 100000007:
        return "the server does not know the action " + r.action() + ": is " + base(r.url())
            + " the AI Agent API of a version that has it?";
      case 410000003:
      case 410000004:
        return "the Message names the field; the request's schema is the action " + r.action()
            + " in the contract (openapi/zego-aiagent.yaml)";
      case 410001029:
        return "rate limited (10 requests per second per action and App by default): wait a second and retry";
      default:
        return contractCode(code).map(ReturnCode::description).orElse(null);
    }
  }

  private static boolean isService(URI url) {
    String h = url.getHost() == null ? "" : url.getHost();
    return h.endsWith(".zegotech.cn");
  }

  private static URI base(URI url) {
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath());
  }
}
