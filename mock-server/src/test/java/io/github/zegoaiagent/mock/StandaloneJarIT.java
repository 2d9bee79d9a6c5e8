package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as users run it: {@code java -jar target/zego-aiagent-mock-server.jar}. Waits
 * for the printed base URL, drives all 19 actions with the printed credentials and the vendor
 * sample backend's flow ({@link VendorSampleFlow}), then SIGTERMs
 * the process and expects a graceful stop.
 */
class StandaloneJarIT {
  @Test
  void startsServesAndStopsGracefully() throws Exception {
    try (JarProcess p = JarProcess.start(Map.of("ZEGO_MOCK_APP_ID", "777"), "--port", "0", "--qps-limit", "0")) {
      URI base = p.baseUrl();
      long appId = Long.parseLong(p.find("AppId:\\s+(\\d+)"));
      String secret = p.find("ServerSecret:\\s+([0-9a-f]{32})");
      assertThat(appId).isEqualTo(777);

      // The banner's last line, pasted into a shell, makes a signed call: the command-line tool when
      // its jar is in the build tree (cli/target), else the shell line that signs when it runs.
      String firstCallLine = p.find("First call \\(paste it into a shell\\):\n(.+)");
      String firstCall = firstCallLine.strip();
      ProcessBuilder shell = new ProcessBuilder("sh", "-c", firstCall).redirectErrorStream(true);
      shell.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
          + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      Process pasted = shell.start();
      assertThat(pasted.waitFor(60, TimeUnit.SECONDS)).as("the pasted line ends").isTrue();
      String answer = new String(pasted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(RawApi.JSON.readTree(answer).path("Code").asInt(-1)).as("%s answered %s", firstCall, answer).isZero();

      RawApi api = new RawApi(base, appId, secret, System::currentTimeMillis);
      assertThat(AllActions.run(api)).containsExactlyInAnyOrderElementsOf(ActionHandler.table().keySet());
      // The vendor's sample backend flow (issue 10): legacy ByteDance, explicit nulls, extra fields.
      VendorSampleFlow.run(api, "vendor_sample");
      VendorSampleFlow.assertJournalMarks(VendorSampleFlow.journal(base), "vendor_sample");
      assertThat(api.send("POST", "/?Action=Nope", "{}").path("Code").asInt()).isEqualTo(100000006 + 1);

      // The request log (default on standalone): one line per request, time, Action, Code, ms.
      Pattern logLine = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z (\\w+) Code (\\d+) [A-Z0-9_]+ \\d+\\.\\d ms");
      long deadlineLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      List<String> logged = new ArrayList<>();
      while (System.nanoTime() < deadlineLog) {
        logged.clear();
        p.lines().stream().filter(l -> logLine.matcher(l).matches()).forEach(logged::add);
        if (logged.stream().anyMatch(l -> l.contains(" Nope Code "))) {
          break;
        }
        Thread.sleep(50);
      }
      for (String action : ActionHandler.table().keySet()) {
        assertThat(logged).as("a log line for %s in %s", action, p.lines()).anyMatch(l -> l.contains(" " + action + " Code 0 "));
      }
      assertThat(logged).anyMatch(l -> l.contains(" Nope Code " + (100000006 + 1) + " "));
      assertThat(p.lines().stream().filter(l -> l.contains(secret)))
          .as("the ServerSecret is printed in the banner only: its line and the first call")
          .containsExactly("  ServerSecret:   " + secret, firstCallLine);
      // The control client works on the process like on an embedded mock: only the URL differs.
      io.github.zegoaiagent.mock.control.MockControlClient control = io.github.zegoaiagent.mock.control.MockControlClient.of(base);
      assertThat(control.info().getAppIds()).containsExactly(777L);
      assertThat(control.journal()).isNotEmpty();
      long before = control.readClock().getMillis();
      assertThat(control.advanceClock(new io.github.zegoaiagent.mock.control.model.ClockAdvance().millis(1_000L)).getMillis())
          .isGreaterThanOrEqualTo(before + 1_000);
      assertThat(control.reset().getReset()).isTrue();
      assertThat(control.journal()).isEmpty();

      // The dashboard (issue 25): its address in the banner, served from the jar (a JDK is all it took).
      URI dashboard = base.resolve("_mock/ui/");
      assertThat(p.lines()).anyMatch(l -> l.startsWith("  Dashboard:      " + dashboard + " "));
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).contains("<script type=\"module\" src=\"main.js\"></script>");
      assertThat(control.timelines()).isEmpty();

      assertThat(p.stop()).as("JVM exit status after SIGTERM with shutdown hooks").isEqualTo(143);
      assertThat(p.lines()).contains("zego-aiagent-mock-server: stopped");
    }
  }

  /**
   * Netty and picocli (the CLI) live relocated inside the module's own jar, the one embedders
   * depend on, and its published (dependency-reduced) pom lists neither: a user's own Netty or
   * picocli never meets ours.
   */
  @Test
  void thirdPartyCodeIsRelocatedAndAbsentFromThePublishedPom() throws Exception {
    File dir = new File(System.getProperty("mock.standalone.jar", "target/zego-aiagent-mock-server.jar")).getParentFile();
    File[] thin = dir.listFiles((d, n) -> n.matches("zego-aiagent-mock-server-[0-9.]+\\.jar"));
    assertThat(thin).as("the module jar in %s", dir).hasSize(1);
    List<String> entries = new ArrayList<>();
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(thin[0])) {
      jar.stream().forEach(e -> entries.add(e.getName()));
    }
    assertThat(entries).noneMatch(n -> n.startsWith("picocli/") || n.startsWith("io/netty/"));
    assertThat(entries).anyMatch(n -> n.startsWith("io/github/zegoaiagent/mock/shaded/picocli/CommandLine"));
    assertThat(entries).anyMatch(n -> n.startsWith("io/github/zegoaiagent/mock/shaded/netty/"));
    String pom = java.nio.file.Files.readString(new File(dir, "dependency-reduced-pom.xml").toPath());
    String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    assertThat(dependencies).contains("jackson-databind").doesNotContain("picocli").doesNotContain("netty");
  }
}
