package io.github.zegoaiagent.mock.internal.proxy;

import io.github.zegoaiagent.mock.internal.drift.CallbackCheck;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.internal.http.RawRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The proxy's callback receiving path ({@code --proxy-callback-path}, default {@code /callback}):
 * the service POSTs its events there (configure it as the App's callback URL, reachable from the
 * service). Each event is checked ({@link CallbackCheck}: the signature with the CallbackSecret
 * given, the event's schema) and counted, then forwarded byte for byte to the user's own callback
 * URL ({@code --callback-url}) whose answer goes back to the service, so its retries still follow
 * the user's receiver. Without a callback URL the event is answered HTTP 200 and goes no further.
 */
final class CallbackIntake {
  private static final byte[] RECEIVED = "{\"received\":true,\"forwarded\":false}".getBytes(StandardCharsets.UTF_8);

  private final CallbackCheck check;
  private final ProxyRecords records;
  private final Upstream http;
  private final URI forwardTo;
  private final String secret;
  private final Duration timeout;

  CallbackIntake(CallbackCheck check, ProxyRecords records, Upstream http, URI forwardTo, String secret,
      Duration timeout) {
    this.check = check;
    this.records = records;
    this.http = http;
    this.forwardTo = forwardTo;
    this.secret = secret;
    this.timeout = timeout;
  }

  void receive(RawRequest req, List<Map.Entry<String, String>> headers, Consumer<Answer> done) {
    long started = System.nanoTime();
    CallbackCheck.Verdict v = check.check(req.body(), secret);
    Consumer<Answer> noted = a -> {
      try {
        records.add(new ProxyRecords.Seen(v.label(), null, v.event() == null ? "" : v.event(), req.method(),
            req.path(), req.body(), a.status(), null, System.nanoTime() - started, v.drift(), List.of()));
      } finally {
        done.accept(a); // the service gets its answer whatever happened to the counts
      }
    };
    if (forwardTo == null) {
      noted.accept(new Answer(200, RECEIVED));
      return;
    }
    http.send(forwardTo, req.method(), headers, req.body(), timeout).thenAccept(r -> {
      if (r.outcome() == Upstream.Outcome.ANSWERED) {
        noted.accept(new Answer(r.status(), r.body(), r.headers()));
      } else {
        noted.accept(ProxyErrors.answer(502, "callback-not-forwarded", "the callback could not be forwarded to "
            + ProxyErrors.where(forwardTo) + ": " + r.problem() + "; the service will retry it"));
      }
    });
  }
}
