package io.github.zegoaiagent.mock.internal.ui;

import io.github.zegoaiagent.mock.internal.http.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files, served under {@code /_mock/ui/} from the jar
 * ({@code /zego-aiagent-mock/ui/}, from {@code src/main/resources}): plain HTML, CSS and
 * JavaScript modules, nothing fetched from anywhere else. One flat folder; a name outside
 * {@code [a-z0-9-]+.(html|css|js|svg)} is not served, so no path reaches another resource.
 *
 * <p>Every answer forbids what the page does not need: scripts, styles, images and requests
 * from the mock's own origin only (Content-Security-Policy), no framing, no referrer, no
 * content sniffing, no caching of a stale page after the jar changed.
 */
public final class DashboardAssets {
  /** Where the dashboard lives, under the control prefix. */
  public static final String PATH = "/_mock/ui/";
  private static final String FOLDER = "/zego-aiagent-mock/ui/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}\\.(html|css|js|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml");
  /** The page's whole world: its own origin. */
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /**
   * @param rawPath the request path, starting with {@code /_mock/ui}
   * @return whether the path belongs to the dashboard
   */
  public static boolean owns(String rawPath) {
    return rawPath.equals(PATH.substring(0, PATH.length() - 1)) || rawPath.startsWith(PATH);
  }

  /**
   * @param method GET or HEAD (others get 405)
   * @param rawPath a path {@link #owns} accepts
   * @return the file, a redirect from {@code /_mock/ui} to {@code /_mock/ui/}, 404 or 405
   */
  public Answer answer(String method, String rawPath) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return error(405, "the dashboard is read with GET; it changes the mock through the control API",
          Map.of("Allow", "GET, HEAD"));
    }
    if (!rawPath.startsWith(PATH)) {
      return new Answer(308, new byte[0], Map.of("Location", PATH, "Content-Type", "text/plain; charset=utf-8"));
    }
    String name = rawPath.substring(PATH.length());
    if (name.isEmpty()) {
      name = "index.html";
    }
    byte[] body = NAME.matcher(name).matches() ? file(name) : null;
    if (body == null) {
      return error(404, "no dashboard file " + clip(name) + "; the dashboard is at " + PATH, Map.of());
    }
    Map<String, String> headers = new LinkedHashMap<>(security());
    headers.put("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
    return new Answer(200, body, headers);
  }

  /** @return the headers every dashboard answer carries */
  static Map<String, String> security() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CSP);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Cache-Control", "no-cache");
    return h;
  }

  private byte[] file(String name) {
    byte[] b = cache.get(name);
    if (b != null) {
      return b;
    }
    try (InputStream in = DashboardAssets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return null;
      }
      b = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's " + name + " from the jar", e);
    }
    cache.put(name, b);
    return b;
  }

  private static Answer error(int status, String message, Map<String, String> extra) {
    String json = "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    Map<String, String> headers = new LinkedHashMap<>(security());
    headers.putAll(extra);
    return new Answer(status, json.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?").replace("\"", "'").replace("\\", "/");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
  }
}
