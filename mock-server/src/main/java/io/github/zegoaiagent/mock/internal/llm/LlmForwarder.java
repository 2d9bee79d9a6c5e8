package io.github.zegoaiagent.mock.internal.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.memory.Account;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends LLM turns to the user's own endpoint and reads the streamed answer, asynchronously (no
 * thread waits for the endpoint, and the simulation lock is never held while it answers).
 *
 * <p>One deadline covers the whole exchange (connect, headers and the entire stream:
 * {@code java.net.http} timeouts alone stop at the headers); at the deadline the stream is
 * cancelled, which closes the connection. Buffers are bounded ({@link SseAnswerReader}) and
 * charged to the memory budget while the answer streams.
 * Redirects are not followed, so the host allow-list is the only way out. Every failure becomes
 * an {@link LlmOutcome} with the contract's Exception code; messages name the endpoint without
 * its query and never the credential. Thread-safe.
 */
public final class LlmForwarder implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ForwardPolicy policy;
  private final LlmContract contract;
  private final MemoryBudget budget;
  private final HttpClient http;
  private final ScheduledExecutorService deadlines;
  private final Object quiet = new Object();
  private int inFlight;
  private long sent;

  /**
   * @param policy whether and where to forward
   * @param contract the contract's facts
   * @param budget what answer streams are charged to while they arrive
   */
  public LlmForwarder(ForwardPolicy policy, LlmContract contract, MemoryBudget budget) {
    this.policy = policy;
    this.contract = contract;
    this.budget = budget;
    this.http = policy.enabled() ? HttpClient.newBuilder().connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build() : null;
    if (policy.enabled()) {
      java.util.concurrent.ScheduledThreadPoolExecutor d = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "zego-mock-llm-deadline");
        t.setDaemon(true);
        return t;
      });
      d.setRemoveOnCancelPolicy(true); // an answered exchange drops its deadline task at once
      this.deadlines = d;
    } else {
      this.deadlines = null;
    }
  }

  /** @return whether forwarding is on */
  public boolean enabled() {
    return policy.enabled();
  }

  /** @return requests sent so far (none ever while forwarding is off) */
  public long sent() {
    synchronized (quiet) {
      return sent;
    }
  }

  /**
   * Sends one request; {@code done} runs exactly once, on another thread (or at once for a
   * refusal before sending), with the outcome.
   *
   * @param request what to send
   * @param done receives the outcome; must not throw
   * @return cancels the exchange (closing its connection); {@code done} then gets a failure at once
   * @throws IllegalStateException when forwarding is off (callers check {@link #enabled()})
   */
  public Runnable forward(LlmRequest request, Consumer<LlmOutcome> done) {
    if (!policy.enabled()) {
      throw new IllegalStateException("LLM forwarding is off");
    }
    if (!policy.allows(request.url())) {
      done.accept(LlmOutcome.failure(contract.generalFailure(), "LLM.Url host "
          + request.url().getHost() + " is not on the mock's LLM allow-list " + policy.allowHosts()
          + " (--llm-allow-hosts); nothing was sent"));
      return () -> { };
    }
    byte[] body;
    try {
      body = MAPPER.writeValueAsBytes(request.body());
    } catch (IOException e) {
      done.accept(LlmOutcome.failure(contract.generalFailure(), "unserialisable LLM request"));
      return () -> { };
    }
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(request.url()).timeout(policy.timeout())
          .header("Content-Type", "application/json").header("Accept", "text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (request.apiKey() != null) {
        b.header("Authorization", "Bearer " + request.apiKey());
      }
    } catch (IllegalArgumentException e) {
      // A value java.net.http refuses in a request (never the mock's bug): the documented
      // Exception for the turn; the message never repeats the value.
      done.accept(LlmOutcome.failure(contract.invalidConfiguration(), "the request to " + request.endpoint()
          + " cannot be built (a header value or the URL is not allowed in HTTP); nothing was sent"));
      return () -> { };
    }
    String where = request.endpoint();
    AtomicReference<SseAnswerReader> reader = new AtomicReference<>();
    CompletableFuture<LlmOutcome> outcome = new CompletableFuture<>();
    Account memory = budget.account();
    synchronized (quiet) {
      inFlight++;
      sent++;
    }
    outcome.thenAccept(o -> {
      memory.close(); // the stream's buffers are garbage now; the answer is charged where it is kept
      try {
        done.accept(o);
      } finally {
        synchronized (quiet) {
          inFlight--;
          quiet.notifyAll();
        }
      }
    });
    CompletableFuture<HttpResponse<SseAnswerReader.Result>> exchange;
    try {
      // Error bodies are read by the same bounded reader (and ignored), so the deadline can
      // cancel any body.
      exchange = http.sendAsync(b.build(), info -> {
        SseAnswerReader r = new SseAnswerReader(contract, policy.maxLineBytes(), policy.maxStreamBytes(), memory);
        reader.set(r);
        return r;
      });
    } catch (RuntimeException e) {
      outcome.complete(LlmOutcome.failure(contract.generalFailure(), "cannot send to " + where));
      return () -> { };
    }
    long millis = policy.timeout().toMillis();
    java.util.concurrent.ScheduledFuture<?> deadline = deadlines.schedule(() -> {
      if (outcome.complete(LlmOutcome.failure(contract.generalFailure(), "no complete answer from "
          + where + " within " + millis + " ms"))) {
        SseAnswerReader r = reader.get();
        if (r != null) {
          r.cancel();
        }
        exchange.cancel(true);
      }
    }, millis, TimeUnit.MILLISECONDS);
    exchange.whenComplete((resp, err) -> {
      deadline.cancel(false);
      outcome.complete(judge(where, resp, err));
    });
    return () -> {
      if (outcome.complete(LlmOutcome.failure(contract.generalFailure(), "cancelled"))) {
        deadline.cancel(false);
        SseAnswerReader r = reader.get();
        if (r != null) {
          r.cancel();
        }
        exchange.cancel(true);
      }
    };
  }

  private LlmOutcome judge(String where, HttpResponse<SseAnswerReader.Result> resp, Throwable err) {
    int general = contract.generalFailure();
    if (err != null) {
      Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
      if (c instanceof HttpTimeoutException) {
        return LlmOutcome.failure(general, "no answer from " + where + " within "
            + policy.timeout().toMillis() + " ms");
      }
      if (c instanceof ConnectException) {
        return LlmOutcome.failure(general, "cannot connect to " + where);
      }
      return LlmOutcome.failure(general, "exchange with " + where + " failed ("
          + c.getClass().getSimpleName() + ")");
    }
    if (resp.statusCode() != 200) {
      return LlmOutcome.failure(contract.failureForStatus(resp.statusCode()),
          where + " answered HTTP " + resp.statusCode());
    }
    SseAnswerReader.Result r = resp.body();
    if (r.problem() != null) {
      return LlmOutcome.failure(general, "malformed event stream from " + where + ": " + r.problem());
    }
    if (!r.done()) {
      return LlmOutcome.failure(general, "event stream from " + where + " ended without data: "
          + contract.doneMarker());
    }
    if (r.answer().isBlank()) {
      return LlmOutcome.failure(general, "empty answer from " + where);
    }
    return LlmOutcome.answer(r.answer());
  }

  /**
   * Waits until no exchange is in flight (each one's {@code done} has run), at most
   * {@code max}. Never call it while holding a lock a {@code done} callback needs.
   *
   * @param max longest wait
   * @return whether all exchanges ended
   */
  public boolean awaitQuiet(Duration max) {
    long end = System.nanoTime() + max.toNanos();
    synchronized (quiet) {
      while (inFlight > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(quiet, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** @return exchanges whose outcome has not been handled yet */
  public int inFlight() {
    synchronized (quiet) {
      return inFlight;
    }
  }

  /** @return the deadline of one exchange */
  public Duration timeout() {
    return policy.timeout();
  }

  @Override
  public void close() {
    if (deadlines != null) {
      deadlines.shutdownNow();
    }
  }
}
