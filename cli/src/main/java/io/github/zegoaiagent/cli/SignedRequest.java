package io.github.zegoaiagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.client.generated.ActionCatalog;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.sign.SignedParameters;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One request as the API wants it: {@code POST <base>?Action=X} with the five signed common
 * parameters (SignatureVersion 2.0, signed by the client's {@link RequestSigner}) and a JSON body.
 *
 * @param url the full URL, signature included
 * @param action the Action
 * @param signed the signed parameters
 * @param body the body bytes
 */
record SignedRequest(URI url, String action, SignedParameters signed, byte[] body) {

  /** @return every action of the contract this tool was built with */
  static List<String> actions() {
    return ActionCatalog.ACTIONS.stream().map(ActionCatalog.Entry::action).sorted().toList();
  }

  /**
   * @param action what the user typed
   * @return the action, exactly as the contract spells it
   * @throws UsageException for a name the contract does not have, with the closest one
   */
  static String action(String action) {
    List<String> known = actions();
    if (known.contains(action)) {
      return action;
    }
    String guess = io.github.zegoaiagent.contract.DidYouMean.closest(action, known);
    throw new UsageException("unknown action " + Text.clip(action)
        + (guess != null ? "; did you mean " + guess + "?" : "")
        + " Actions (case matters): " + String.join(", ", known));
  }

  /**
   * @param base the endpoint, ending with {@code /}
   * @param action a known action
   * @param appId the AppId
   * @param secret the ServerSecret
   * @param timestamp Unix seconds to sign with
   * @param body the body bytes
   * @return the signed request
   */
  static SignedRequest sign(URI base, String action, long appId, String secret, long timestamp, byte[] body) {
    Clock at = Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC);
    SignedParameters p = new RequestSigner(appId, secret, at).sign();
    String query = "Action=" + enc(action) + "&AppId=" + p.appId() + "&SignatureNonce=" + p.nonce()
        + "&Timestamp=" + p.timestamp() + "&SignatureVersion=" + SignedParameters.SIGNATURE_VERSION
        + "&Signature=" + p.signature();
    return new SignedRequest(URI.create(base + "?" + query), action, p, body);
  }

  /** @return the URL with the Signature shown as {@code ***} (for logs) */
  String maskedUrl() {
    return url.toString().replace("Signature=" + signed.signature(), "Signature=***");
  }

  /**
   * The Timestamp to sign with: this machine's clock, the number given, or the mock's clock.
   *
   * @param option {@code --timestamp}: null, Unix seconds, or {@code mock}
   * @param base the endpoint
   * @return Unix seconds
   * @throws UsageException for a value that is neither, or a mock clock that cannot be read
   */
  static long timestamp(String option, URI base) {
    if (option == null) {
      return Instant.now().getEpochSecond();
    }
    if (option.equals("mock")) {
      Long mock = mockClockSeconds(base);
      if (mock == null) {
        throw new UsageException("--timestamp mock: " + base + "_mock/clock did not answer the mock's clock;"
            + " is " + base + " a zego-aiagent mock with its control API on?");
      }
      return mock;
    }
    try {
      long t = Long.parseLong(option);
      if (t >= 0) {
        return t;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--timestamp " + Text.clip(option) + ": give Unix seconds (e.g. 1767225600) or mock");
  }

  /**
   * @param base an endpoint
   * @return the clock of the mock there in Unix seconds, or null when it is no mock (or silent)
   */
  static Long mockClockSeconds(URI base) {
    try {
      Wire.Answer a = Wire.exchange("GET", base.resolve("_mock/clock"), null, Duration.ofSeconds(3));
      JsonNode n = a.status() == 200 ? RequestBody.JSON.readTree(a.body()) : null;
      return n != null && n.path("millis").canConvertToLong() ? n.path("millis").asLong() / 1000 : null;
    } catch (Wire.NoAnswer | java.io.IOException e) {
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
