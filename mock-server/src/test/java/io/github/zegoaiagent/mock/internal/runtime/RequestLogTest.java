package io.github.zegoaiagent.mock.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.zegoaiagent.mock.config.LogSettings;
import io.github.zegoaiagent.mock.internal.route.RequestListener;
import io.github.zegoaiagent.mock.internal.state.JournalRecord;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The console request log queues lines; a slow console never holds a request. */
class RequestLogTest {
  static JournalRecord entry(String action, int code) {
    return new JournalRecord(1, 0, "POST", "/", "", action, 1L, "{}", code, "", "r", List.of(), List.of());
  }

  @Test
  void aStuckConsoleNeverHoldsTheRequestAndDroppedLinesAreCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream stuck = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        synchronized (written) {
          written.write(b, off, len);
        }
      }
    };
    RequestListener log = RequestLog.of(new LogSettings(LogSettings.Mode.REQUESTS,
        new PrintStream(stuck, true, StandardCharsets.UTF_8)));
    int sent = RequestLog.QUEUE * 2;
    // With a console write on the request's thread this would wait for the console forever.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 0; i < sent; i++) {
        log.answered(entry("ListAgents", 0), 1_250_000);
      }
    });
    release.countDown();
    ((RequestLog) log).close();
    String text;
    synchronized (written) {
      text = written.toString(StandardCharsets.UTF_8);
    }
    List<String> lines = text.lines().filter(l -> l.contains(" ListAgents Code 0 SUCCESS 1.3 ms")).toList();
    assertThat(lines.size()).as("every line written or counted").isGreaterThan(0).isLessThan(sent);
    long dropped = text.lines().filter(l -> l.startsWith("(request log: "))
        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", " ").trim().split(" ")[0])).sum();
    assertThat(lines.size() + dropped).isEqualTo(sent);
  }

  @Test
  void closeWritesWhatIsQueued() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RequestListener log = RequestLog.of(new LogSettings(LogSettings.Mode.REQUESTS,
        new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    for (int i = 0; i < 100; i++) {
      log.answered(entry("QueryAgents", 410001002), 50_000);
    }
    ((RequestLog) log).close();
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .hasSize(100).allMatch(l -> l.endsWith(" QueryAgents Code 410001002 INSTANCE_NOT_FOUND 0.1 ms")
            || l.endsWith(" QueryAgents Code 410001002 INSTANCE_NOT_FOUND 0.0 ms"));
  }

  @Test
  void eachCodeIsNamedAsInTheContract() {
    java.time.Instant at = java.time.Instant.parse("2026-12-01T12:00:00.130Z");
    assertThat(RequestLog.line(new RequestLog.Answered(at.toEpochMilli(), "ListAgents", 100000005, 200_000)))
        .isEqualTo("2026-12-01T12:00:00.130Z ListAgents Code 100000005 SIGNATURE_WRONG 0.2 ms");
    assertThat(RequestLog.line(new RequestLog.Answered(at.toEpochMilli(), "CreateAgentInstance", 0, 1_400_000)))
        .isEqualTo("2026-12-01T12:00:00.130Z CreateAgentInstance Code 0 SUCCESS 1.4 ms");
    // Every documented code has its own name; a code only an injected fault answers says so.
    io.github.zegoaiagent.contract.ZegoContract.load().returnCodes().forEach((code, rc) ->
        assertThat(RequestLog.codeName(code)).isEqualTo(rc.name()));
    assertThat(RequestLog.line(new RequestLog.Answered(at.toEpochMilli(), "ListAgents", 123, 0))).contains(" Code 123 (undocumented) ");
  }

  @Test
  void aLineIsTheWallClockToTheMillisecondTheActionTheCodeAndTheTime() {
    long at = java.time.Instant.parse("2026-12-01T12:00:00.123Z").toEpochMilli();
    assertThat(RequestLog.line(new RequestLog.Answered(at, "CreateAgentInstance", 0, 1_449_999)))
        .isEqualTo("2026-12-01T12:00:00.123Z CreateAgentInstance Code 0 SUCCESS 1.4 ms");
    // Whole seconds keep their three digits (Instant.toString would drop them).
    assertThat(RequestLog.line(new RequestLog.Answered(at - 123, "ListAgents", 100000005, 150_000)))
        .isEqualTo("2026-12-01T12:00:00.000Z ListAgents Code 100000005 SIGNATURE_WRONG 0.2 ms");
    assertThat(RequestLog.line(new RequestLog.Answered(at + 9, "ListAgents", 0, 12_345_678_901L)))
        .isEqualTo("2026-12-01T12:00:00.132Z ListAgents Code 0 SUCCESS 12345.7 ms");
  }

  @Test
  void theWriterKeepsTheSecondItLastPrintedAndMovesOn() {
    RequestLog.Lines lines = new RequestLog.Lines();
    long at = java.time.Instant.parse("2026-12-31T23:59:59.999Z").toEpochMilli();
    lines.add(new RequestLog.Answered(at, "A", 0, 0));
    lines.add(new RequestLog.Answered(at + 1, "B", 0, 0));
    lines.add(new RequestLog.Answered(at, "C", 0, 0));
    assertThat(lines.text.toString().lines()).containsExactly(
        "2026-12-31T23:59:59.999Z A Code 0 SUCCESS 0.0 ms",
        "2027-01-01T00:00:00.000Z B Code 0 SUCCESS 0.0 ms",
        "2026-12-31T23:59:59.999Z C Code 0 SUCCESS 0.0 ms");
  }

  @Test
  void anActionCannotForgeALine() {
    String crafted = "ListAgents\n2026-12-01T00:00:00.000Z RegisterAgent Code 0 0.1 ms";
    assertThat(RequestLog.line(new RequestLog.Answered(0, crafted, 0, 0)))
        .isEqualTo("1970-01-01T00:00:00.000Z ListAgents?2026?12?01T00?00?00?000Z?RegisterAgent?Code?0?0?1?ms Code 0 SUCCESS 0.0 ms");
    assertThat(RequestLog.line(new RequestLog.Answered(0, "A".repeat(65), 0, 0)))
        .isEqualTo("1970-01-01T00:00:00.000Z " + "A".repeat(64) + "... Code 0 SUCCESS 0.0 ms");
    assertThat(RequestLog.line(new RequestLog.Answered(0, null, 100000006, 0))).contains(" - Code 100000006 ");
    assertThat(RequestLog.line(new RequestLog.Answered(0, "", 100000006, 0))).contains(" - Code 100000006 ");
  }
}
