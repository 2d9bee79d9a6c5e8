package io.github.zegoaiagent.mock.internal.control;

import java.util.Locale;
import java.util.Map;

/**
 * What the control API and the dashboard refuse from browsers: a request another site's page
 * makes (its {@code Origin} is not the mock's own address, or {@code Sec-Fetch-Site} says
 * cross-site or same-site), and, while remote control is off, a {@code Host} that is not a
 * loopback name (a page whose own name was re-pointed at 127.0.0.1, "DNS rebinding", would
 * otherwise read and steer the mock as if it were the mock's own page). Clients that are no
 * browsers send neither header and are not affected; they only need a loopback Host, which
 * every client sends for a loopback URL.
 */
final class BrowserPolicy {
  /** Request headers the policy reads (lower case). */
  static final String HOST = "host";
  static final String ORIGIN = "origin";
  static final String FETCH_SITE = "sec-fetch-site";

  private BrowserPolicy() {
  }

  /**
   * @param headers the request's {@link #HOST}, {@link #ORIGIN} and {@link #FETCH_SITE} headers
   *     (absent when not sent)
   * @param remoteAllowed whether remote control is on (then any Host is accepted)
   * @return why the request is refused, or null when it is not
   */
  static String refusal(Map<String, String> headers, boolean remoteAllowed) {
    String host = headers.get(HOST);
    if (!remoteAllowed && host != null && !loopbackName(host)) {
      return "Host " + clip(host) + " is not a loopback name: the control API answers requests for "
          + "127.0.0.1, [::1] or localhost only (so no other site's page can reach it through its own "
          + "name); use http://127.0.0.1:<port>/, or start the mock with remote control allowed";
    }
    String origin = headers.get(ORIGIN);
    if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
      return "a page from " + clip(origin) + " may not use the control API: it answers its own "
          + "dashboard (/_mock/ui/) and clients that are no browsers";
    }
    String site = headers.get(FETCH_SITE);
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return "a " + clip(site) + " browser request may not use the control API: it answers its own "
          + "dashboard (/_mock/ui/) and clients that are no browsers";
    }
    return null;
  }

  /** @return whether {@code host} (with or without a port) names this machine's loopback */
  static boolean loopbackName(String host) {
    String h = host.toLowerCase(Locale.ROOT).trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      if (end < 0) {
        return false;
      }
      String v6 = h.substring(1, end);
      return v6.equals("::1") || v6.equals("0:0:0:0:0:0:0:1");
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    String[] parts = name.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
  }
}
