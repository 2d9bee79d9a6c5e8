package io.github.zegoaiagent.client.transport;

import static io.github.zegoaiagent.client.transport.HostileServer.ascii;
import static io.github.zegoaiagent.client.transport.HostileServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zegoaiagent.client.TestClients;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.error.ZegoException;
import io.github.zegoaiagent.client.error.ZegoTransportException;
import io.github.zegoaiagent.client.error.ZegoTransportException.Reason;

import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import io.github.zegoaiagent.client.model.RoundResponse;
import io.github.zegoaiagent.client.model.SendAgentInstanceTTSRequest;
import io.github.zegoaiagent.client.retry.RetryPolicy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against peers that misbehave at the wire: every wait ends at the attempt's deadline,
 * every answer is bounded and strictly decoded, every error names what happened.
 */
@Timeout(20)
class HostileServerTest {

  private final TestClients.RecordingSleeper sleeper = new TestClients.RecordingSleeper();

  private ZegoAiAgentClient client(HostileServer server, Duration timeout) {
    return TestClients.builder(server.baseUrl()).timeout(timeout)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).sleeper(sleeper).build();
  }

  private static SendAgentInstanceTTSRequest tts() {
    return new SendAgentInstanceTTSRequest().agentInstanceId("1907755175297171456").text("Hello");
  }

  private static ZegoTransportException failure(Runnable call) {
    ZegoTransportException e = catchThrowableOfType(ZegoTransportException.class, call::run);
    assertThat(e).as("a ZegoTransportException").isNotNull();
    assertThat(e.getMessage()).doesNotContain("null");
    return e;
  }

  @Test
  void aBodyThatStallsAfterTheHeadersEndsAtTheDeadlineAndIsNotRetried() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> {
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Code\":0,"));
      out.flush();
      s.stall();
    })) {
      long t0 = System.nanoTime();
      ZegoTransportException e = failure(() -> client(server, Duration.ofMillis(600)).control().sendAgentInstanceTTS(tts()));
      long ms = (System.nanoTime() - t0) / 1_000_000;

      assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(e.requestSent()).isTrue();
      assertThat(e.getMessage()).contains("SendAgentInstanceTTS", "127.0.0.1:", "within 600 ms");
      assertThat(ms).as("ended at the deadline, not at a read timeout of the headers").isBetween(500L, 5_000L);
      assertThat(server.requestHeads).hasSize(1);
      assertThat(sleeper.sleeps).isEmpty();
      assertThat(server.clientClosed.await(5, TimeUnit.SECONDS)).as("the stalled connection was closed").isTrue();
    }
  }

  @Test
  void aBodyDribbledAtOneBytePerIntervalEndsAtTheDeadline() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> {
      byte[] body = ascii("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\",\"Data\":{\"Round\":1}}");
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"));
      for (byte b : body) {
        out.write(b);
        out.flush();
        Thread.sleep(100);
      }
    })) {
      long t0 = System.nanoTime();
      ZegoTransportException e = failure(() -> client(server, Duration.ofMillis(700)).control().sendAgentInstanceTTS(tts()));
      long ms = (System.nanoTime() - t0) / 1_000_000;

      assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(e.requestSent()).isTrue();
      assertThat(ms).as("each byte arrives within any read timeout; the deadline covers the whole body")
          .isBetween(600L, 4_000L);
      assertThat(server.requestHeads).hasSize(1);
    }
  }

  @Test
  void anAnswerAnnouncingMoreThanTheCapFailsNamingTheCap() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> {
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500000000\r\n\r\n{"));
      out.flush();
      s.stall();
    })) {
      ZegoAiAgentClient client = TestClients.builder(server.baseUrl()).maxAnswerBytes(64 * 1024).build();
      ZegoTransportException e = failure(() -> client.agents().listAgents(new ListAgentsRequest()));

      assertThat(e.reason()).isEqualTo(Reason.ANSWER_TOO_LARGE);
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.getMessage()).contains("maxAnswerBytes 65536", "Content-Length 500000000");
      assertThat(server.clientClosed.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aChunkedAnswerGrowingPastTheCapIsCutOffWhileItStreams() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> {
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < 100_000; i++) { // 800 MB if nobody stops it
        out.write(ascii(Integer.toHexString(chunk.length) + "\r\n"));
        out.write(chunk);
        out.write(ascii("\r\n"));
      }
    })) {
      ZegoAiAgentClient client = TestClients.builder(server.baseUrl()).maxAnswerBytes(1 << 20).build();
      ZegoTransportException e = failure(() -> client.agents().listAgents(new ListAgentsRequest()));

      assertThat(e.reason()).isEqualTo(Reason.ANSWER_TOO_LARGE);
      assertThat(e.getMessage()).contains("maxAnswerBytes 1048576");
    }
  }

  @Test
  void aNonIntegralCodeIsNeitherSuccessNorARetryableRateLimit() throws Exception {
    for (String code : new String[] {"0.9", "410001029.5", "\"0\"", "1e3"}) {
      try (HostileServer server = new HostileServer((out, s) -> out.write(ok("{\"Code\":" + code
          + ",\"Message\":\"x\",\"RequestId\":\"r\",\"Data\":{\"Round\":1}}")))) {
        ZegoTransportException e = failure(() -> client(server, Duration.ofSeconds(2)).control().sendAgentInstanceTTS(tts()));
        assertThat(e.reason()).as(code).isEqualTo(Reason.MALFORMED_ANSWER);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("Code is not an integer at $.Code");
        assertThat(server.requestHeads).as("sent once: %s", code).hasSize(1);
      }
    }
  }

  @Test
  void aSuccessWithoutTheDataTheContractDefinesSaysSo() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> out.write(ok("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r-1\"}")))) {
      ZegoTransportException e = failure(() -> client(server, Duration.ofSeconds(2)).control().sendAgentInstanceTTS(tts()));
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ANSWER);
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.getMessage()).contains("answer without Data", "RoundData", "r-1");
    }
  }

  @Test
  void aSuccessWithoutDataIsFineWhereTheContractDefinesNone() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> out.write(ok("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r-2\"}")))) {
      assertThat(client(server, Duration.ofSeconds(2)).instances()
          .deleteAgentInstance(new io.github.zegoaiagent.client.model.DeleteAgentInstanceRequest()
              .agentInstanceId("1907755175297171456")).getRequestId()).isEqualTo("r-2");
    }
  }

  @Test
  void dataOfTheWrongTypeNamesTheJsonPathAndKeepsTheHttpStatus() throws Exception {
    String[][] cases = {
        {"{\"Code\":0,\"RequestId\":\"r\",\"Data\":{\"Round\":\"not a number\"}}", "$.Data.Round"},
        {"{\"Code\":0,\"RequestId\":\"r\",\"Data\":[1,2]}", "$.Data"},
        {"{\"Code\":0,\"RequestId\":\"r\",\"Data\":\"text\"}", "$.Data"},
    };
    for (String[] c : cases) {
      try (HostileServer server = new HostileServer((out, s) -> out.write(ok(c[0])))) {
        ZegoTransportException e = failure(() -> client(server, Duration.ofSeconds(2)).control().sendAgentInstanceTTS(tts()));
        assertThat(e.reason()).as(c[0]).isEqualTo(Reason.MALFORMED_ANSWER);
        assertThat(e.httpStatus()).as("the whole HTTP 200 answer arrived").isEqualTo(200);
        assertThat(e.getMessage()).contains("does not match RoundResponse at " + c[1] + ":");
      }
    }
  }

  @Test
  void unknownFieldsAndNewValuesStillDecode() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> out.write(ok(
        "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\",\"NewTopLevel\":1,\"Data\":{\"Round\":7,\"NewField\":[1]}}")))) {
      RoundResponse r = client(server, Duration.ofSeconds(2)).control().sendAgentInstanceTTS(tts());
      assertThat(r.getData().getRound()).isEqualTo(7L);
    }
  }

  @Test
  void aRefusedPortNamesHostPortAndAttemptsAndIsRetriedBoundedly() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ZegoAiAgentClient client = TestClients.builder("http://127.0.0.1:" + port)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).sleeper(sleeper).build();
    ZegoTransportException e = failure(() -> client.agents().listAgents(new ListAgentsRequest()));

    assertThat(e.reason()).isEqualTo(Reason.CONNECT_FAILED);
    assertThat(e.requestSent()).isFalse();
    assertThat(e.getMessage()).isEqualTo("ListAgents: could not connect to 127.0.0.1:" + port
        + " after 3 attempts (Connection refused)");
    assertThat(sleeper.sleeps).hasSize(2);
  }

  @Test
  void anUnknownHostIsItsOwnMessageAndIsNotRetried() {
    ZegoAiAgentClient client = TestClients.builder("http://no-such-host.invalid:8080")
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).sleeper(sleeper).build();
    ZegoTransportException e = failure(() -> client.agents().listAgents(new ListAgentsRequest()));

    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
    assertThat(e.requestSent()).isFalse();
    assertThat(e.getMessage()).startsWith("ListAgents: unknown host no-such-host.invalid:8080");
    assertThat(sleeper.sleeps).as("not retried").isEmpty();
  }

  @Test
  void theUserAgentNamesTheClientAndTheRuntime() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> out.write(ok("{\"Code\":0,\"Message\":\"success\","
        + "\"RequestId\":\"r\",\"Data\":{\"Agents\":[],\"Total\":0}}")))) {
      ListAgentsResponse r = client(server, Duration.ofSeconds(2)).agents().listAgents(new ListAgentsRequest());
      assertThat(r.getCode()).isZero();
      assertThat(server.requestHeads.get(0)).containsPattern(
          "(?i)user-agent: zego-aiagent-java/\\d+\\.\\d+\\.\\d+\\S* java/" + java.util.regex.Pattern.quote(Runtime.version().toString()) + "\r\n");
    }
  }

  @Test
  void anAsyncStallEndsAtTheDeadlineWithTheSameException() throws Exception {
    try (HostileServer server = new HostileServer((out, s) -> {
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"));
      out.flush();
      s.stall();
    })) {
      CompletableFuture<RoundResponse> f = client(server, Duration.ofMillis(500)).async().control().sendAgentInstanceTTS(tts());
      ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertThat(e.getCause()).isInstanceOf(ZegoTransportException.class);
      assertThat(((ZegoTransportException) e.getCause()).reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(server.requestHeads).hasSize(1);
    }
  }

  @Test
  void cancellingAnAsyncCallClosesTheConnection() throws Exception {
    for (boolean headersSent : new boolean[] {true, false}) {
      try (HostileServer server = new HostileServer((out, s) -> {
        if (headersSent) {
          out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"));
          out.flush();
        }
        s.stall();
      })) {
        CompletableFuture<RoundResponse> f = client(server, Duration.ofSeconds(15)).async().control().sendAgentInstanceTTS(tts());
        while (server.requestHeads.isEmpty()) {
          Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(f.cancel(true)).isTrue();
        assertThat(server.clientClosed.await(5, TimeUnit.SECONDS))
            .as("the exchange was aborted (headers sent: %s)", headersSent).isTrue();
      }
    }
  }

  @Test
  void anAsyncValidationFailureFailsTheFutureBeforeSending() {
    CompletableFuture<RoundResponse> f = TestClients.builder("http://127.0.0.1:9").build().async().control()
        .sendAgentInstanceTTS(new SendAgentInstanceTTSRequest().agentInstanceId("x"));
    ExecutionException e = catchThrowableOfType(ExecutionException.class, f::get);
    assertThat(e.getCause()).isInstanceOf(io.github.zegoaiagent.client.error.ZegoValidationException.class);
    assertThat(((ZegoException) e.getCause()).action()).isEqualTo("SendAgentInstanceTTS");
  }

}
