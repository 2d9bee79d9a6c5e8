package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.junit.ZegoMockTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard's files as the mock serves them (embedded here; the standalone jar in
 * {@code StandaloneJarIT}, a real browser in {@code src/test/browser}): the right types, a
 * content policy that allows the page's own origin only, nothing outside the one folder, and
 * the browser rules of the whole control API (another site's page, a rebinding Host).
 */
@ZegoMockTest(callbacks = false, configure = TestServers.Defaults.class)
class DashboardTest {
  static final Path UI = Path.of("src/main/resources/zego-aiagent-mock/ui");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static MockServer server;

  @BeforeAll
  static void start(MockServer mock) {
    server = mock;
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl().toString().replaceAll("/$", "") + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageIsServedWithAPolicyThatAllowsItsOwnOriginOnly() throws Exception {
    HttpResponse<String> r = get("/_mock/ui/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(r.body()).isEqualTo(Files.readString(UI.resolve("index.html")));
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe", "http:", "https:", "*");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

    HttpResponse<String> bare = get("/_mock/ui");
    assertThat(bare.statusCode()).isEqualTo(308);
    assertThat(bare.headers().firstValue("Location")).hasValue("/_mock/ui/");
  }

  @Test
  void everyFileThePageUsesIsServedWithItsType() throws Exception {
    List<String> files = new ArrayList<>();
    String html = Files.readString(UI.resolve("index.html"));
    Matcher m = Pattern.compile("(?:src|href)=\"([a-z0-9-]+\\.(?:js|css|svg))\"").matcher(html);
    while (m.find()) {
      files.add(m.group(1));
    }
    try (Stream<Path> js = Files.list(UI)) {
      for (Path p : js.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher imports = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'").matcher(Files.readString(p));
        while (imports.find()) {
          files.add(imports.group(1));
        }
      }
    }
    assertThat(files).contains("main.js", "dashboard.css", "icon.svg", "api.js", "dom.js", "timeline.js", "journal.js");
    for (String f : files) {
      HttpResponse<String> r = get("/_mock/ui/" + f);
      assertThat(r.statusCode()).as(f).isEqualTo(200);
      assertThat(r.body()).as(f).isEqualTo(Files.readString(UI.resolve(f)));
      String type = r.headers().firstValue("Content-Type").orElseThrow();
      assertThat(type).as(f).isEqualTo(f.endsWith(".js") ? "text/javascript; charset=utf-8"
          : f.endsWith(".css") ? "text/css; charset=utf-8" : "image/svg+xml");
    }
  }

  /** What the page's sources may never do: parse data as HTML, run strings, load from elsewhere. */
  @Test
  void theSourcesNeverTurnDataIntoMarkupOrCodeAndLoadNothingFromElsewhere() throws Exception {
    Pattern forbidden = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function"
        + "|setTimeout\\(\\s*['\"`]|srcdoc|https?://|url\\(|@import|javascript:");
    try (Stream<Path> all = Files.list(UI)) {
      for (Path p : all.toList()) {
        String text = Files.readString(p);
        if (p.toString().endsWith(".svg")) {
          text = text.replace("http://www.w3.org/2000/svg", ""); // the SVG namespace name, never fetched
        }
        Matcher m = forbidden.matcher(text);
        assertThat(m.find()).as("%s holds %s", p.getFileName(), m.find(0) ? m.group() : "").isFalse();
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"/_mock/ui/nope.js,404", "/_mock/ui/%2e%2e/journal,404", "/_mock/ui/..%2fjournal,404",
      "/_mock/ui/sub/main.js,404", "/_mock/ui/MAIN.JS,404", "/_mock/ui/mock-control.yaml,404"})
  void nothingOutsideTheFolderIsServed(String path, int status) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).startsWith("{\"error\":\"no dashboard file ");
  }

  @Test
  void theDashboardIsOnlyRead() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "_mock/ui/"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @ParameterizedTest
  @CsvSource({
      "Origin, http://evil.example, 403", "Origin, null, 403", "Origin, http://localhost:1, 403",
      "Sec-Fetch-Site, cross-site, 403", "Sec-Fetch-Site, same-site, 403",
      "Sec-Fetch-Site, same-origin, 200", "Sec-Fetch-Site, none, 200"})
  void anotherSitesPageGetsNothing(String header, String value, int status) throws Exception {
    for (String path : List.of("/_mock/journal", "/_mock/ui/")) {
      HttpResponse<String> r = get(path, header, value);
      assertThat(r.statusCode()).as("%s %s: %s", path, value, r.body()).isEqualTo(status);
      if (status == 403) {
        assertThat(r.body()).contains("may not use the control API");
      }
    }
  }

  @Test
  void theDashboardsOwnOriginIsServed() throws Exception {
    String origin = "http://127.0.0.1:" + server.port();
    assertThat(get("/_mock/journal", "Origin", origin, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "_mock/reset"))
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).as("a cross-site form cannot reset the mock").isEqualTo(403);
  }

  @ParameterizedTest
  @CsvSource({"evil.example, 403", "evil.example:80, 403", "127.0.0.1.evil.example, 403", "[::2], 403",
      "10.0.0.1, 403", "localhost, 200", "app.localhost:9, 200", "127.0.0.1, 200", "127.1.2.3:8080, 200", "[::1]:80, 200"})
  void aHostThatIsNoLoopbackNameIsRefused(String host, int status) throws Exception {
    assertThat(raw("GET /_mock/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 " + status);
  }

  @Test
  void withRemoteControlAnyHostIsServedButNotAnotherSitesPage() throws Exception {
    try (MockServer remote = MockServer.start(TestServers.config().controlApiRemoteAllowed(true).build())) {
      String ok = raw(remote.port(), "GET /_mock/info HTTP/1.1\r\nHost: mock.internal:8080\r\nConnection: close\r\n\r\n");
      assertThat(ok).startsWith("HTTP/1.1 200");
      String crossSite = raw(remote.port(), "GET /_mock/info HTTP/1.1\r\nHost: mock.internal:8080\r\n"
          + "Origin: http://evil.example\r\nConnection: close\r\n\r\n");
      assertThat(crossSite).startsWith("HTTP/1.1 403");
    }
  }

  static String raw(String request) throws IOException {
    return raw(server.port(), request);
  }

  static String raw(int port, String request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      s.setSoTimeout(30_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
