package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import io.github.zegoaiagent.mock.control.model.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At {@code maxConnections}, keep-alive connections nobody uses must not lock new callers out: the
 * one idle the longest is closed to admit the new one. Only when every connection is busy is a
 * new one refused (closed unanswered, as before).
 */
class ConnectionLimitTest {
  static final int MAX = 4;
  static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(TestServers.config().maxConnections(MAX).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  private static String listAgents() {
    URI u = mock.signedUri("ListAgents");
    return "POST " + u.getRawPath() + "?" + u.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
  }

  private static void awaitOpen(int n) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (mock.openConnections() != n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(mock.openConnections()).isEqualTo(n);
  }

  @Test
  void idleKeepAliveConnectionsAreClosedOldestFirstToAdmitNewOnes() throws Exception {
    List<Wire> idle = new ArrayList<>();
    try {
      for (int i = 0; i < MAX; i++) {
        Wire w = new Wire(mock.port());
        assertThat(w.send(listAgents()).read().code()).isZero(); // now idle, kept alive
        idle.add(w);
        Thread.sleep(20); // distinct idle times
      }
      awaitOpen(MAX);
      // Before: the new connection was closed unanswered until an idle one timed out (60 s).
      try (Wire fresh = new Wire(mock.port())) {
        Wire.Answer a = fresh.send(listAgents()).read();
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.code()).isZero();
        assertThat(idle.get(0).closedByServer()).as("the oldest idle connection made room").isTrue();
        // the others were not touched: each still answers on its kept-alive connection
        for (Wire w : idle.subList(1, MAX)) {
          assertThat(w.send(listAgents()).read().code()).isZero();
        }
        // the next newcomer takes the one idle the longest now: `fresh` (the others were just used)
        try (Wire another = new Wire(mock.port())) {
          assertThat(another.send(listAgents()).read().code()).isZero();
          assertThat(fresh.closedByServer()).isTrue();
          assertThat(idle.get(1).send(listAgents()).read().code()).isZero();
        }
      }
    } finally {
      for (Wire w : idle) {
        w.close();
      }
    }
  }

  @Test
  void whenEveryConnectionIsBusyANewOneIsStillRefused() throws Exception {
    awaitOpen(0);
    // Each request is being answered (its answer held back on the mock's clock): busy, not idle.
    // The consumed faults say the mock has read all four (a half-sent head could still be unread
    // when the fifth connects, and a connection that has sent nothing is as good as idle).
    mock.addFault(new Fault().action("ListAgents").count(MAX).delayMillis(60_000L));
    List<Wire> busy = new ArrayList<>();
    try {
      for (int i = 0; i < MAX; i++) {
        Wire w = new Wire(mock.port());
        w.send(listAgents());
        busy.add(w);
      }
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!mock.faults().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(mock.faults()).as("all four requests read").isEmpty();
      awaitOpen(MAX);
      try (Wire refused = new Wire(mock.port())) {
        assertThat(refused.closedByServer()).as("nothing idle to close: refused").isTrue();
      }
      mock.advanceClock(Duration.ofMinutes(1));
      for (Wire w : busy) {
        assertThat(w.read().status()).as("the busy ones were kept").isEqualTo(200);
      }
    } finally {
      for (Wire w : busy) {
        w.close();
      }
    }
  }
}
