package io.github.zegoaiagent.mock.internal.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.internal.decode.BodyDecoder;
import io.github.zegoaiagent.mock.internal.encode.ResponseEncoder;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.gateway.Gateway;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.http.QueryString;
import io.github.zegoaiagent.mock.internal.http.RawRequest;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.simulate.Simulator;
import io.github.zegoaiagent.mock.values.Fault;
import io.github.zegoaiagent.mock.values.JournalEntry;
import io.github.zegoaiagent.mock.internal.state.FaultPlan;
import io.github.zegoaiagent.mock.values.MockClock;
import io.github.zegoaiagent.mock.internal.state.RateLimiter;
import io.github.zegoaiagent.mock.internal.state.RequestJournal;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.validate.RequestValidator;
import io.github.zegoaiagent.mock.internal.validate.Tolerance;
import java.util.List;
import java.util.Map;

/**
 * One API request from bytes to bytes: path and method → gateway checks → injected faults →
 * QPS limit → body size → decode → validate → route by Action → simulate → encode, then a
 * journal entry. Every outcome is an envelope; nothing escapes as an exception.
 */
public final class RequestPipeline {
  private final Map<String, ActionHandler.Action<CallContext>> table;
  private final Gateway gateway;
  private final FaultPlan faults;
  private final RateLimiter rateLimiter;
  private final BodyDecoder decoder;
  private final RequestValidator validator;
  private final ObjectMapper mapper;
  private final Simulator simulator;
  private final ResponseEncoder encoder;
  private final RequestJournal journal;
  private final MockClock clock;
  private final int maxBodyBytes;
  private final SecretMasker masker;
  private final RequestListener listener;
  /** Per thread: the delay of the fault met by the request in progress (see takeAnswerDelayMillis). */
  private final ThreadLocal<Long> answerDelay = ThreadLocal.withInitial(() -> 0L);

  /** Wires the stages; see the class comment for the order. */
  public RequestPipeline(Map<String, ActionHandler.Action<CallContext>> table, Gateway gateway,
      FaultPlan faults, RateLimiter rateLimiter, BodyDecoder decoder, RequestValidator validator,
      ObjectMapper mapper, Simulator simulator, ResponseEncoder encoder, RequestJournal journal,
      MockClock clock, int maxBodyBytes, SecretMasker masker) {
    this(table, gateway, faults, rateLimiter, decoder, validator, mapper, simulator, encoder, journal,
        clock, maxBodyBytes, masker, RequestListener.NONE);
  }

  /** Wires the stages and a listener told of every answered request. */
  public RequestPipeline(Map<String, ActionHandler.Action<CallContext>> table, Gateway gateway,
      FaultPlan faults, RateLimiter rateLimiter, BodyDecoder decoder, RequestValidator validator,
      ObjectMapper mapper, Simulator simulator, ResponseEncoder encoder, RequestJournal journal,
      MockClock clock, int maxBodyBytes, SecretMasker masker, RequestListener listener) {
    this.listener = listener;
    this.table = table;
    this.gateway = gateway;
    this.faults = faults;
    this.rateLimiter = rateLimiter;
    this.decoder = decoder;
    this.validator = validator;
    this.mapper = mapper;
    this.simulator = simulator;
    this.encoder = encoder;
    this.journal = journal;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.masker = masker;
  }

  /**
   * @param req what arrived
   * @return the envelope bytes to answer with HTTP 200
   */
  public byte[] handle(RawRequest req) {
    long started = System.nanoTime();
    listener.received();
    String requestId = encoder.nextRequestId();
    long now = clock.millis();
    Map<String, String> q = QueryString.parse(req.rawQuery());
    Long appId = null;
    int code = Codes.SUCCESS;
    String message = "success";
    byte[] out;
    Tolerance.Inspected inspected = null;
    try {
      if (!"/".equals(req.path())) {
        throw new ApiError(Codes.ACTION_UNSUPPORTED, "path " + clip(req.path())
            + " is not served: every action is POST /?Action=<ActionName> (test hooks live under /_mock/)");
      }
      if (!"POST".equals(req.method())) {
        throw new ApiError(Codes.BODY_UNREADABLE, "failed to read HTTP body: method " + clip(req.method())
            + " is not supported; every action is POST with a JSON body");
      }
      Gateway.Authenticated auth = gateway.check(q);
      appId = auth.appId();
      ActionHandler.Action<CallContext> action = table.get(auth.action());
      Fault fault = faults.next(auth.action());
      if (fault != null) {
        answerDelay.set(fault.delay().toMillis());
        if (fault.code() != Codes.SUCCESS) {
          throw new ApiError(fault.code(), fault.message() != null ? fault.message()
              : "injected fault: " + auth.action() + " answers " + fault.code());
        }
      }
      if (!rateLimiter.tryAcquire(auth.appId(), auth.action(), now)) {
        throw new ApiError(Codes.RATE_LIMITED, "rate limited: at most " + rateLimiter.limit()
            + " " + auth.action() + " requests per second per App");
      }
      if (req.bodyTooLarge()) {
        throw new ApiError(Codes.BODY_UNREADABLE, "failed to read HTTP body: larger than "
            + maxBodyBytes + " bytes (the mock's maxBodyBytes cap)");
      }
      // Tolerant face (ADR 0004): optional nulls and unknown fields are read as absent first.
      inspected = validator.inspect(auth.action(), decoder.decode(req.body()));
      JsonNode body = inspected.body();
      validator.validate(auth.action(), body);
      Object model = toModel(body, action.requestType());
      CallContext ctx = new CallContext(auth.appId(), action, body, now);
      Object response;
      synchronized (simulator.state()) {
        simulator.tick(now);
        response = action.invoker().invoke(simulator, ctx, model);
      }
      out = encoder.success(response, requestId);
    } catch (ApiError e) {
      code = e.code();
      message = e.getMessage();
      out = encoder.error(code, message, requestId);
    } catch (RuntimeException e) {
      // A bug in the mock: say so clearly, still HTTP 200 with an envelope (never a 5xx).
      code = Codes.SYSTEM_ERROR;
      message = "system error in the mock (" + e.getClass().getSimpleName() + "); please report it";
      out = encoder.error(code, message, requestId);
    }
    JournalEntry entry = journal.add(now, req.method(), req.path(), req.rawQuery(), q.get("Action"), appId,
        req.bodyTooLarge() ? "(body larger than " + maxBodyBytes + " bytes)"
            : masker.maskBody(q.get("Action"), req.body()), code, message, requestId,
        inspected == null ? List.of() : inspected.unknownFields(), inspected == null ? List.of() : inspected.legacy());
    listener.answered(entry, System.nanoTime() - started);
    return out;
  }

  private Object toModel(JsonNode body, Class<?> type) {
    try {
      return mapper.treeToValue(body, type);
    } catch (Exception e) {
      // Schema-valid but not mappable should not happen; answer it as a parameter problem.
      throw new ApiError(Codes.INVALID_PARAMETER, "body: cannot be read as " + type.getSimpleName());
    }
  }

  /**
   * The delay an injected fault asked for in the last {@link #handle} on this thread, then
   * forgotten. The front holds the answer back that long on a timer; no thread sleeps.
   *
   * @return milliseconds, 0 for none
   */
  public long takeAnswerDelayMillis() {
    long d = answerDelay.get();
    if (d != 0) {
      answerDelay.set(0L);
    }
    return d;
  }

  private static String clip(String s) {
    return s == null ? "null" : s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
