package io.github.zegoaiagent.client.decode;

import feign.RequestLine;
import java.lang.reflect.Method;

/** Reads the action name of a request from the places it is visible. */
public final class Actions {

  private static final String MARKER = "Action=";

  private Actions() { }

  /**
   * @param url a request URL such as {@code https://host/?Action=CreateAgentInstance&AppId=...}
   * @return the action name, or {@code "(unknown action)"}
   */
  public static String fromUrl(String url) {
    int start = url == null ? -1 : url.indexOf('?');
    if (start < 0) {
      return "(unknown action)";
    }
    for (String pair : url.substring(start + 1).split("&")) {
      if (pair.startsWith(MARKER)) {
        return pair.substring(MARKER.length());
      }
    }
    return "(unknown action)";
  }

  /**
   * @param method a generated API method
   * @return the action of its {@code @RequestLine("POST /?Action=X")}
   */
  public static String fromMethod(Method method) {
    RequestLine line = method.getAnnotation(RequestLine.class);
    return line == null ? method.getName() : fromUrl(line.value());
  }
}
