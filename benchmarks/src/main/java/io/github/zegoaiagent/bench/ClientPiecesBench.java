package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.internal.codec.Attempt;
import io.github.zegoaiagent.client.internal.codec.EnvelopeDecoder;
import io.github.zegoaiagent.client.internal.transport.HttpTransport.Answer;
import io.github.zegoaiagent.client.internal.validate.RequestValidator;
import io.github.zegoaiagent.client.model.RoundResponse;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.sign.SignedParameters;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * The client's per-call work without I/O: sign, validate, encode the request, decode the answer,
 * and all four in a row ({@code perCall}) as the pipeline runs them (internal classes, as the
 * client wires them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientPiecesBench {

  private static final byte[] ANSWER = ("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"2841f2ce4b7bd6b0\","
      + "\"Data\":{\"Round\":1}}").getBytes(StandardCharsets.UTF_8);
  private static final Answer OK = new Answer(200, HttpHeaders.of(java.util.Map.of(), (k, v) -> true), ANSWER);
  private static final Attempt FIRST = new Attempt("SendAgentInstanceTTS", 1, 3, 0, "http://127.0.0.1:1");

  private RequestSigner signer;
  private RequestValidator validator;
  private EnvelopeDecoder codec;
  private SendAgentInstanceTTSRequest request;

  /** Builds the pieces as the client does. */
  @Setup
  public void setUp() {
    ObjectMapper mapper = JsonCodec.newMapper();
    signer = new RequestSigner(1234567890L, "0123456789abcdef0123456789abcdef", Clock.systemUTC());
    validator = new RequestValidator(mapper);
    codec = new EnvelopeDecoder(mapper);
    request = new SendAgentInstanceTTSRequest().agentInstanceId("1912124734317838336")
        .text("Hello! How can I help you today?");
  }

  /** Releases the validator factory. */
  @TearDown
  public void tearDown() {
    validator.close();
  }

  /** @return nonce, timestamp and MD5 signature */
  @Benchmark
  public SignedParameters sign() {
    return signer.sign();
  }

  /** Bean Validation of the request against the contract's constraints. */
  @Benchmark
  public Object validate() {
    validator.validate("SendAgentInstanceTTS", request);
    return request;
  }

  /** @return the JSON body */
  @Benchmark
  public byte[] encode() {
    return codec.encode(request);
  }

  /** @return the typed answer from the envelope (strict: integral Code, Data present and typed) */
  @Benchmark
  public Object decode() {
    return codec.decode(RoundResponse.class, OK, FIRST).value();
  }

  /** @return sign + validate + encode + decode, the client's whole per-call CPU work around the I/O */
  @Benchmark
  public Object perCall() {
    SignedParameters p = signer.sign();
    validator.validate("SendAgentInstanceTTS", request);
    byte[] body = codec.encode(request);
    return body.length + p.nonce().length() + codec.decode(RoundResponse.class, OK, FIRST)
        .value().hashCode();
  }
}
