package io.github.zegoaiagent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.decode.EnvelopeDecoder;
import io.github.zegoaiagent.client.model.RoundResponse;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.send.JsonEncoder;
import io.github.zegoaiagent.client.sign.RequestSigner;
import io.github.zegoaiagent.client.sign.SignedParameters;
import io.github.zegoaiagent.client.validate.RequestValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

/** The client's per-call work without I/O: sign, validate, encode the request, decode the answer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientPiecesBench {

  private static final byte[] ANSWER = ("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"2841f2ce4b7bd6b0\","
      + "\"Data\":{\"Round\":1}}").getBytes(StandardCharsets.UTF_8);

  private RequestSigner signer;
  private RequestValidator validator;
  private JsonEncoder encoder;
  private EnvelopeDecoder decoder;
  private SendAgentInstanceTTSRequest request;
  private Request sent;

  /** Builds the pieces as the client does. */
  @Setup
  public void setUp() {
    ObjectMapper mapper = JsonCodec.newMapper();
    signer = new RequestSigner(1234567890L, "0123456789abcdef0123456789abcdef", Clock.systemUTC());
    validator = new RequestValidator(mapper);
    encoder = new JsonEncoder(mapper);
    decoder = new EnvelopeDecoder(mapper);
    request = new SendAgentInstanceTTSRequest().agentInstanceId("1912124734317838336")
        .text("Hello! How can I help you today?");
    sent = Request.create(Request.HttpMethod.POST, "http://127.0.0.1:8080/?Action=SendAgentInstanceTTS",
        Map.of(), new byte[0], StandardCharsets.UTF_8, new RequestTemplate());
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

  /** @return the template with the JSON body */
  @Benchmark
  public RequestTemplate encode() {
    RequestTemplate template = new RequestTemplate();
    encoder.encode(request, SendAgentInstanceTTSRequest.class, template);
    return template;
  }

  /** @return the typed answer from the envelope */
  @Benchmark
  public Object decode() throws IOException {
    Response response = Response.builder().status(200).reason("OK").request(sent)
        .headers(Map.of()).body(ANSWER).build();
    return decoder.decode(response, RoundResponse.class);
  }
}
