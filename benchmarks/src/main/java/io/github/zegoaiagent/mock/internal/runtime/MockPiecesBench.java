package io.github.zegoaiagent.mock.internal.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.internal.decode.BodyDecoder;
import io.github.zegoaiagent.mock.internal.encode.ResponseEncoder;
import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import io.github.zegoaiagent.mock.internal.generated.model.RoundResponse;
import io.github.zegoaiagent.mock.internal.generated.model.RoundData;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import io.github.zegoaiagent.mock.internal.state.RequestJournal;
import io.github.zegoaiagent.mock.internal.state.SecretMasker;
import io.github.zegoaiagent.mock.internal.validate.Contract;
import io.github.zegoaiagent.mock.internal.validate.RequestSchemas;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The mock's per-request work without I/O, piece by piece, for the benchmark's request (a signed
 * SendAgentInstanceTTS): decode, tolerance walk, schema validation, journal (with the masked
 * body), envelope encoding, and the request log's cost on the answering thread: what it makes
 * there today ({@code logItemNow}) against what it made there before issue 26
 * ({@code logItemBefore}: wall-clock {@code Instant} text and concatenation per request, kept
 * here only as the baseline; both are then queued the same way). Run with {@code -prof gc} for
 * bytes allocated per operation.
 *
 * <p>In the package of {@link RequestLog} (the benchmarks module only) because its
 * {@code Answered} is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MockPiecesBench {
  private static final String ACTION = "SendAgentInstanceTTS";
  private static final byte[] BODY = ("{\"AgentInstanceId\":\"1912124734317838336\","
      + "\"Text\":\"Hello! How can I help you today?\"}").getBytes(StandardCharsets.UTF_8);

  private ObjectMapper mapper;
  private BodyDecoder decoder;
  private RequestSchemas validator;
  private JsonNode body;
  private RequestJournal journal;
  private SecretMasker masker;
  private ResponseEncoder encoder;
  private RoundResponse response;
  private RequestListener log;
  private JournalRecord entry;

  /** Wires the pieces as {@code MockRuntime} does. */
  @Setup
  public void setUp() {
    mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    Map<String, String> paths = new LinkedHashMap<>();
    ActionHandler.table().values().forEach(a -> paths.put(a.name(), a.requestPath()));
    decoder = new BodyDecoder(mapper);
    validator = new RequestSchemas(paths);
    body = validator.inspect(ACTION, decoder.decode(BODY)).body();
    journal = new RequestJournal(1000, 8L << 20, MemoryBudget.unlimited().account());
    masker = new SecretMasker(mapper, Contract.load().model());
    encoder = new ResponseEncoder(mapper);
    response = new RoundResponse().data(new RoundData().round(1L));
    log = RequestLog.of(new LogSettings(LogSettings.Mode.REQUESTS,
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)));
    entry = new JournalRecord(1, 0, "POST", "/", "Action=" + ACTION, ACTION, 1234567890L, "{}", 0, "success",
        "1000000000000000001", List.of(), List.of());
  }

  /** Stops the log's writer. */
  @TearDown
  public void tearDown() {
    ((RequestLog) log).close();
  }

  /** @return the body parsed */
  @Benchmark
  public JsonNode decode() {
    return decoder.decode(BODY);
  }

  /** @return the tolerant face: optional nulls and unknown fields dropped (a copy of the body) */
  @Benchmark
  public Object inspect() {
    return validator.inspect(ACTION, decoder.decode(BODY));
  }

  /** Schema validation of an already parsed, valid body. */
  @Benchmark
  public void validate() {
    validator.validate(ACTION, body);
  }

  /** @return the journal entry, with the body masked as the pipeline journals it */
  @Benchmark
  public JournalRecord journal() {
    return journal.add(0, "POST", "/", "Action=" + ACTION, ACTION, 1234567890L, masker.maskBody(ACTION, BODY), 0,
        "success", "1000000000000000001", List.of(), List.of());
  }

  /** @return the success envelope bytes */
  @Benchmark
  public byte[] encode() {
    return encoder.success(response, encoder.nextRequestId());
  }

  /**
   * @return what the request log makes on the answering thread today, before queueing it: the
   *     wall clock as a number and three values in a record
   */
  @Benchmark
  public Object logItemNow() {
    return new RequestLog.Answered(System.currentTimeMillis(), entry.action(), entry.code(), 1_250_000);
  }

  /**
   * @return what the request log made on the answering thread before issue 26, before queueing
   *     it: the whole line, wall-clock {@code Instant} text and concatenation
   */
  @Benchmark
  public String logItemBefore() {
    long tenths = Math.round(1_250_000 / 1e5);
    return Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + sanitized(entry.action())
        + " Code " + entry.code() + " " + tenths / 10 + "." + tenths % 10 + " ms";
  }

  /**
   * The whole {@link RequestLog#answered} with its writer running (the queue included; JMH calls
   * it far faster than any server, so the bounded queue is mostly full here and the offer fails
   * fast: an upper bound on nothing, a check that the call stays cheap).
   */
  @Benchmark
  public void logAnswered() {
    log.answered(entry, 1_250_000);
  }

  private static String sanitized(String a) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < a.length() && b.length() < 64; i++) {
      char c = a.charAt(i);
      b.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '?');
    }
    return b.toString();
  }
}
