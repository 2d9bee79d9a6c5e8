package io.github.zegoaiagent.spring.test;

import io.github.zegoaiagent.mock.junit.ZegoMock;
import io.github.zegoaiagent.spring.ZegoAiAgentProperties;
import java.net.URI;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;

/**
 * Points the mock's callbacks at the application's callback endpoint once the context is
 * refreshed: its web server has its port then ({@code local.server.port}, on Boot 3 and 4 alike,
 * a random port included). Without a web server, or without a callback endpoint (the starter's
 * {@code zegoCallbackServlet}, or {@code @AutoConfigureZegoMock(callbackPath = ...)}), the mock
 * keeps delivering to the {@code CallbackSink}. Kept as a bean so the target can be put back after
 * a reset.
 */
final class AppCallbackTarget implements ApplicationListener<ContextRefreshedEvent> {
  static final String BEAN = "zegoMockCallbackTarget";
  private static final String STARTER_ENDPOINT = "zegoCallbackServlet";

  private final ConfigurableApplicationContext context;
  private final ZegoMock mock;
  private final String callbackPath;
  private volatile URI url;

  AppCallbackTarget(ConfigurableApplicationContext context, ZegoMock mock, String callbackPath) {
    this.context = context;
    this.mock = mock;
    this.callbackPath = callbackPath;
  }

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // a child context (management port) announces its own refresh here too
    }
    URI app = appEndpoint(context.getEnvironment());
    if (app != null) {
      url = app;
      mock.server().setCallbackTarget(app, null);
    }
  }

  private URI appEndpoint(Environment env) {
    Integer port = env.getProperty("local.server.port", Integer.class);
    if (port == null || port <= 0) {
      return null; // no web server (MOCK or NONE web environment)
    }
    String path = callbackPath;
    if (path.isEmpty()) {
      if (!context.containsBean(STARTER_ENDPOINT)) {
        return null; // the starter serves no endpoint (switched off, or not a servlet application)
      }
      ZegoAiAgentProperties properties = context.getBeanProvider(ZegoAiAgentProperties.class).getIfAvailable();
      path = properties == null ? "/zego/callback" : properties.getCallback().getPath();
    }
    String host = env.getProperty("server.address", "");
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String contextPath = env.getProperty("server.servlet.context-path", "");
    if (contextPath.endsWith("/")) {
      contextPath = contextPath.substring(0, contextPath.length() - 1);
    }
    boolean tls = !"false".equals(env.getProperty("server.ssl.enabled"))
        && (env.getProperty("server.ssl.key-store") != null || env.getProperty("server.ssl.bundle") != null);
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port + contextPath + path);
  }

  /** @return where the mock delivers to the application, or null while it delivers to the sink */
  URI url() {
    return url;
  }

  /** Puts the application back as the target (after a reset, whatever the reset did to it). */
  void reapply() {
    URI u = url;
    if (u != null) {
      mock.server().setCallbackTarget(u, null);
    }
  }

  /** Closes the mock with a context whose bean factory cannot register a disposable bean. */
  record CloseWith(ConfigurableApplicationContext context, ZegoMock mock) implements ApplicationListener<ContextClosedEvent> {
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
      if (event.getApplicationContext() == context) {
        mock.close();
      }
    }
  }
}
