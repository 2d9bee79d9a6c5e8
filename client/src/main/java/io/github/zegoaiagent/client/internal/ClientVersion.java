package io.github.zegoaiagent.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The client's version (from the build) and the User-Agent it sends. Internal. */
public final class ClientVersion {

  /** The version of this jar, or {@code unknown} when the build did not record it. */
  public static final String VERSION = read();

  /** {@code zego-aiagent-java/<version> java/<runtime version>}. */
  public static final String USER_AGENT = "zego-aiagent-java/" + VERSION + " java/" + Runtime.version();

  private ClientVersion() { }

  private static String read() {
    try (InputStream in = ClientVersion.class.getResourceAsStream("client.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("$") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
