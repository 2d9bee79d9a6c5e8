package io.github.zegoaiagent.mock.internal.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.mock.internal.encode.ResponseEncoder;
import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.http.Answer;
import io.github.zegoaiagent.mock.internal.http.QueryString;
import io.github.zegoaiagent.mock.internal.http.RawRequest;
import io.github.zegoaiagent.mock.internal.simulate.CallContext;
import io.github.zegoaiagent.mock.internal.simulate.Simulator;
import io.github.zegoaiagent.mock.internal.validate.TolerantReader;
import io.github.zegoaiagent.mock.values.MockClock;
import java.util.List;
import java.util.Map;

/**
 * One API request from bytes to an {@link Answer}: path and method → {@link Admission} (gateway
 * checks, planned fault, QPS limit) → body size → {@link RequestReader} (decode, tolerant face,
 * schema, model) → route by Action → {@link Simulator} (which locks only what the action touches)
 * → encode → {@link Recorder} (journal, request log). Every outcome is an envelope answered with
 * HTTP 200, held back as long as a planned fault asks; nothing escapes as an exception, and no
 * stage keeps per-thread state. Thread-safe.
 */
public final class RequestPipeline {
  private final Map<String, ActionHandler.Action<CallContext>> table;
  private final Admission admission;
  private final RequestReader reader;
  private final Simulator simulator;
  private final ResponseEncoder encoder;
  private final Recorder recorder;
  private final MockClock clock;
  private final int maxBodyBytes;

  /** Wires the stages; see the class comment for the order. */
  public RequestPipeline(Map<String, ActionHandler.Action<CallContext>> table, Admission admission,
      RequestReader reader, Simulator simulator, ResponseEncoder encoder, Recorder recorder,
      MockClock clock, int maxBodyBytes) {
    this.table = table;
    this.admission = admission;
    this.reader = reader;
    this.simulator = simulator;
    this.encoder = encoder;
    this.recorder = recorder;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * @param req what arrived
   * @return the envelope to answer with HTTP 200, and how long to hold it back
   */
  public Answer handle(RawRequest req) {
    long started = System.nanoTime();
    recorder.received();
    String requestId = encoder.nextRequestId();
    long now = clock.millis();
    Map<String, String> q = QueryString.parse(req.rawQuery());
    Long appId = null;
    int code = Codes.SUCCESS;
    String message = "success";
    byte[] out;
    long delay = 0;
    TolerantReader.Inspected inspected = null;
    JsonNode parsed = null;
    try {
      if (!"/".equals(req.path())) {
        throw new ApiError(Codes.ACTION_UNSUPPORTED, "path " + clip(req.path())
            + " is not served: every action is POST /?Action=<ActionName> (test hooks live under /_mock/)");
      }
      if (!"POST".equals(req.method())) {
        throw new ApiError(Codes.BODY_UNREADABLE, "failed to read HTTP body: method " + clip(req.method())
            + " is not supported; every action is POST with a JSON body");
      }
      Admission.Admitted admitted = admission.admit(q, now);
      appId = admitted.auth().appId();
      delay = admitted.delayMillis();
      if (admitted.refusal() != null) {
        throw admitted.refusal();
      }
      String name = admitted.auth().action();
      if (req.bodyTooLarge()) {
        throw new ApiError(Codes.BODY_UNREADABLE, "failed to read HTTP body: larger than "
            + maxBodyBytes + " bytes (the mock's maxBodyBytes cap)");
      }
      ActionHandler.Action<CallContext> action = table.get(name);
      parsed = reader.decode(req.body());
      // The tolerant reader changes the tree it is given; the journal keeps the body as sent
      // (masked in place at the end), so the reader gets the one copy.
      inspected = reader.inspect(name, parsed.deepCopy());
      RequestReader.Read read = reader.read(name, inspected, action.requestType());
      Object response = action.invoker().invoke(simulator, new CallContext(appId, action, read.body(), now), read.model());
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
    recorder.record(now, req, parsed, q.get("Action"), appId, code, message, requestId,
        inspected == null ? List.of() : inspected.unknownFields(), inspected == null ? List.of() : inspected.legacy(),
        started);
    return new Answer(200, out, delay, now, java.util.Map.of());
  }

  private static String clip(String s) {
    return s == null ? "null" : s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
