package io.github.zegoaiagent.mock.internal.http;

import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the front hands complete, well-framed requests to. Framework-free: nothing here knows
 * the HTTP server that carries it (ADR 0002).
 *
 * @param api the signed API (every target outside the control prefix)
 * @param controlPrefix raw path prefix of the control API, for example {@code /_mock/}
 * @param control the control API, or null when it is switched off
 * @param frontError envelope for a request the front refuses (framing, timeout): the message
 *     in, JSON bytes out
 * @param bug envelope for an exception that escaped an endpoint (a bug in the mock)
 * @param delayer how an answer's delay is waited for (the simulation clock's timer), or null
 *     for the connection's event-loop timer (wall clock)
 * @param worker where requests that take long are answered (a large body, a control call that
 *     may wait), so the event loop stays free for the other connections; null: on the event loop
 * @param budget what request bodies being read are charged to (null: not charged)
 */
public record Endpoints(Api api, String controlPrefix, Control control,
    Function<String, byte[]> frontError, Function<Throwable, byte[]> bug, Delayer delayer,
    Executor worker, MemoryBudget budget) {

  /** Bodies at least this long are answered on the worker (their decoding and work is linear in them). */
  public static final int WORKER_BODY_BYTES = 64 * 1024;

  /** Endpoints whose answer delays wait on the wall clock, all answered on the event loop. */
  public Endpoints(Api api, String controlPrefix, Control control,
      Function<String, byte[]> frontError, Function<Throwable, byte[]> bug) {
    this(api, controlPrefix, control, frontError, bug, null, null, null);
  }

  /** Waits for an answer's delay without holding a thread. */
  @FunctionalInterface
  public interface Delayer {
    /**
     * @param fromMillis the simulation time the delay counts from ({@link Answer#delayFromMillis()})
     * @param delayMillis how long
     * @param task what to run then (it hands itself to the connection's event loop); at once
     *     when that time has passed already
     */
    void after(long fromMillis, long delayMillis, Runnable task);
  }

  /** The API behind the front. */
  @FunctionalInterface
  public interface Api {
    /** @param request what arrived @return the answer (HTTP 200 with the envelope) */
    Answer answer(RawRequest request);
  }

  /**
   * An API whose answers come later, from elsewhere (the validating proxy): the front holds the
   * connection's next request back until {@code done} is called (reading paused, as for a
   * delay), so answers stay in order and no thread waits.
   */
  public interface Deferred extends Api {
    /**
     * @param request what arrived
     * @param headers the request's header fields as received, in order (name, value)
     * @param done takes the answer, exactly once, from any thread
     */
    void answerLater(RawRequest request, java.util.List<java.util.Map.Entry<String, String>> headers,
        java.util.function.Consumer<Answer> done);

    @Override
    default Answer answer(RawRequest request) {
      throw new UnsupportedOperationException("answers later: call answerLater");
    }
  }

  /** The control API behind the front. */
  @FunctionalInterface
  public interface Control {
    /** The request headers handed to the control API (lower case): what its browser checks read. */
    java.util.List<String> HEADERS = java.util.List.of("host", "origin", "sec-fetch-site");

    /**
     * @param get a request header's value by name, or null
     * @return the request's {@link #HEADERS} that were sent, by lower-case name
     */
    static java.util.Map<String, String> headers(java.util.function.Function<String, String> get) {
      java.util.Map<String, String> out = new java.util.HashMap<>(4);
      for (String name : HEADERS) {
        String v = get.apply(name);
        if (v != null) {
          out.put(name, v);
        }
      }
      return out;
    }

    /**
     * @param method HTTP method
     * @param rawPath the raw (still percent-encoded) target: the path, starting with the control
     *     prefix, and {@code ?} and the query when there is one
     * @param remote the caller's address
     * @param headers the request's {@link #HEADERS} that were sent, by lower-case name
     * @param body the body bytes (at most the front's body cap)
     * @param bodyTooLarge whether the body was longer than the cap
     * @return status and body (JSON; the dashboard's files carry their own Content-Type)
     */
    Answer answer(String method, String rawPath, InetSocketAddress remote,
        java.util.Map<String, String> headers, byte[] body, boolean bodyTooLarge);

    /**
     * @param method HTTP method
     * @param rawPath the raw path
     * @return whether answering may wait for something (then it runs on the worker)
     */
    default boolean mayWait(String method, String rawPath) {
      return false;
    }
  }
}
