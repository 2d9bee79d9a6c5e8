package io.github.zegoaiagent.mock.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.memory.Account;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a Chat Completions event stream (contract {@code x-zego-custom-llm.stream}) as it arrives,
 * with bounded buffers: a line longer than {@code maxLineBytes} or a stream longer than
 * {@code maxStreamBytes} ends the exchange (the subscription is cancelled, which closes the
 * connection), and so does a stream the memory budget has no room for (each byte received is
 * charged for the buffers it passes through). Events: {@code data:} lines, joined until a blank line (SSE); {@code [DONE]} ends
 * the answer; other fields and comments are ignored. The result is the concatenated
 * {@code choices[0].delta.content}, or why the stream is not a valid answer.
 */
final class SseAnswerReader implements HttpResponse.BodySubscriber<SseAnswerReader.Result> {
  /** What the stream held. {@code problem} is null when it was well formed. */
  record Result(String answer, boolean done, boolean sawFinishStop, String problem) {
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final LlmContract contract;
  private final int maxLineBytes;
  private final long maxStreamBytes;
  private final Account memory;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final StringBuilder data = new StringBuilder();
  private final StringBuilder answer = new StringBuilder();
  private boolean hasData;
  private boolean done;
  private boolean sawStop;
  private boolean lastWasCr;
  private long total;
  private volatile Flow.Subscription subscription;

  SseAnswerReader(LlmContract contract, int maxLineBytes, long maxStreamBytes, Account memory) {
    this.contract = contract;
    this.maxLineBytes = maxLineBytes;
    this.maxStreamBytes = maxStreamBytes;
    this.memory = memory;
  }

  @Override
  public CompletionStage<Result> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    try {
      for (ByteBuffer b : items) {
        total += b.remaining();
        if (total > maxStreamBytes) {
          fail("stream longer than " + maxStreamBytes + " bytes");
          return;
        }
        // line bytes, the event's data and the answer (two bytes a character each)
        if (!memory.tryCharge(5L * b.remaining(), "an LLM answer stream")) {
          fail(memory.budget().refusal() + " (the answer is " + total + " bytes so far)");
          return;
        }
        while (b.hasRemaining()) {
          byte c = b.get();
          if (c == '\n' && lastWasCr) {
            lastWasCr = false;
            continue; // CRLF: the CR ended the line
          }
          lastWasCr = c == '\r';
          if (c == '\n' || c == '\r') {
            if (!endLine()) {
              return;
            }
          } else if (line.size() >= maxLineBytes) {
            fail("a line longer than " + maxLineBytes + " bytes");
            return;
          } else {
            line.write(c);
          }
        }
      }
      if (!result.isDone()) {
        subscription.request(1);
      }
    } catch (RuntimeException e) {
      fail("unreadable stream (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    if (line.size() > 0 && !endLine()) {
      return;
    }
    if (hasData && !dispatch()) {
      return;
    }
    result.complete(new Result(answer.toString(), done, sawStop, null));
  }

  /** Stops reading (deadline passed): the connection is closed. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  /** @return false when the stream turned out malformed (result completed) */
  private boolean endLine() {
    String l = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (l.isEmpty()) {
      return !hasData || dispatch();
    }
    if (l.startsWith(":")) {
      return true; // comment (keep-alive)
    }
    int colon = l.indexOf(':');
    String field = colon < 0 ? l : l.substring(0, colon);
    if (!(field + ":").equals(contract.dataPrefix())) {
      return true; // event:, id:, retry: and unknown fields carry no answer
    }
    String value = l.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (hasData) {
      data.append('\n');
    }
    data.append(value);
    hasData = true;
    return true;
  }

  /** One event's data: [DONE] or a JSON chunk. */
  private boolean dispatch() {
    String d = data.toString();
    data.setLength(0);
    hasData = false;
    if (done) {
      return true; // nothing after [DONE] counts
    }
    if (d.strip().equals(contract.doneMarker())) {
      done = true;
      return true;
    }
    JsonNode chunk;
    try {
      chunk = MAPPER.readTree(d);
    } catch (IOException e) {
      return fail("a data line that is not JSON");
    }
    if (chunk == null || !chunk.isObject()) {
      return fail("a data line that is not a JSON object");
    }
    if (chunk.has("error")) {
      JsonNode m = chunk.path("error").path("message");
      return fail("an error chunk" + (m.isTextual() ? ": " + clip(m.textValue()) : ""));
    }
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode content = choice.path("delta").path("content");
    if (content.isTextual()) {
      answer.append(content.textValue());
    }
    if (contract.finishReason().equals(choice.path("finish_reason").asText(null))) {
      sawStop = true;
    }
    return true;
  }

  private boolean fail(String problem) {
    if (result.complete(new Result(answer.toString(), done, sawStop, problem))) {
      cancel();
    }
    return false;
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
