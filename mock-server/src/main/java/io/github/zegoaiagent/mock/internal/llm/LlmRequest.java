package io.github.zegoaiagent.mock.internal.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Objects;

/**
 * One request to a custom LLM: where, with which credential, what body. {@link #toString()} shows
 * the endpoint without its query and never the credential.
 *
 * @param url LLM.Url
 * @param apiKey LLM.ApiKey, or null
 * @param body the Chat Completions body
 */
public record LlmRequest(URI url, String apiKey, ObjectNode body) {
  /** Checks the parts. */
  public LlmRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
  }

  /** @return scheme, host, port and path: safe to show (a query may carry a key) */
  public String endpoint() {
    return url.getScheme() + "://" + url.getRawAuthority() .replaceFirst("^[^@]*@", "")
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  @Override
  public String toString() {
    return "LlmRequest[" + endpoint() + "]";
  }
}
