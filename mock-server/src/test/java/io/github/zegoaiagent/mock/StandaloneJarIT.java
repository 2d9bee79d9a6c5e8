package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.internal.generated.ActionHandler;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
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
    String jar = System.getProperty("mock.standalone.jar", "target/zego-aiagent-mock-server.jar");
    assertThat(new File(jar)).exists();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar, "--port", "0", "--qps-limit", "0")
        .redirectErrorStream(true);
    pb.environment().put("ZEGO_MOCK_APP_ID", "777");
    Process p = pb.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          lines.add(l);
        }
      } catch (Exception ignored) {
        // process ended
      }
    });
    reader.start();
    try {
      URI base = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (base == null && System.nanoTime() < deadline && p.isAlive()) {
        synchronized (lines) {
          for (String l : lines) {
            if (l.startsWith("Base URL: ")) {
              base = URI.create(l.substring("Base URL: ".length()).trim());
            }
          }
        }
        Thread.sleep(50);
      }
      assertThat(base).as("printed base URL; output: %s", lines).isNotNull();
      String out = String.join("\n", lines);
      Matcher app = Pattern.compile("AppId:\\s+(\\d+)").matcher(out);
      Matcher secret = Pattern.compile("ServerSecret:\\s+([0-9a-f]{32})").matcher(out);
      assertThat(app.find() && secret.find()).as(out).isTrue();
      assertThat(app.group(1)).isEqualTo("777");

      RawApi api = new RawApi(base, Long.parseLong(app.group(1)), secret.group(1), System::currentTimeMillis);
      assertThat(AllActions.run(api)).containsExactlyInAnyOrderElementsOf(ActionHandler.table().keySet());
      // The vendor's sample backend flow (issue 10): legacy ByteDance, explicit nulls, extra fields.
      VendorSampleFlow.run(api, "vendor_sample");
      VendorSampleFlow.assertJournalMarks(VendorSampleFlow.journal(base), "vendor_sample");
      assertThat(api.send("POST", "/?Action=Nope", "{}").path("Code").asInt()).isEqualTo(100000006 + 1);

      // The request log (default on standalone): one line per request, time, Action, Code, ms.
      Pattern logLine = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z (\\w+) Code (\\d+) \\d+\\.\\d ms");
      long deadlineLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      List<String> logged = new ArrayList<>();
      while (System.nanoTime() < deadlineLog) {
        logged.clear();
        synchronized (lines) {
          lines.stream().filter(l -> logLine.matcher(l).matches()).forEach(logged::add);
        }
        if (logged.stream().anyMatch(l -> l.contains(" Nope Code "))) {
          break;
        }
        Thread.sleep(50);
      }
      for (String action : ActionHandler.table().keySet()) {
        assertThat(logged).as("a log line for %s in %s", action, lines).anyMatch(l -> l.contains(" " + action + " Code 0 "));
      }
      assertThat(logged).anyMatch(l -> l.contains(" Nope Code " + (100000006 + 1) + " "));
      synchronized (lines) {
        assertThat(lines.stream().filter(l -> l.contains(secret.group(1))))
            .as("the ServerSecret is printed once, in the banner").hasSize(1);
      }
      // The control client works on the process like on an embedded mock: only the URL differs.
      io.github.zegoaiagent.mock.control.MockControlClient control = io.github.zegoaiagent.mock.control.MockControlClient.of(base);
      assertThat(control.info().getAppIds()).containsExactly(777L);
      assertThat(control.journal()).isNotEmpty();
      long before = control.clock().getMillis();
      assertThat(control.advanceClock(new io.github.zegoaiagent.mock.control.model.ClockAdvance().millis(1_000L)).getMillis())
          .isGreaterThanOrEqualTo(before + 1_000);
      assertThat(control.reset().getReset()).isTrue();
      assertThat(control.journal()).isEmpty();

      // The dashboard (issue 25): its address in the banner, served from the jar (a JDK is all it took).
      URI dashboard = base.resolve("_mock/ui/");
      assertThat(out).contains("  Dashboard:      " + dashboard + " ");
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).contains("<script type=\"module\" src=\"main.js\"></script>");
      assertThat(control.timelines()).isEmpty();

      p.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of stdout)
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      reader.join(5000);
      assertThat(lines).contains("zego-aiagent-mock-server: stopped");
      assertThat(p.exitValue()).as("JVM exit status after SIGTERM with shutdown hooks").isEqualTo(143);
    } finally {
      p.destroyForcibly();
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
