package io.github.zegoaiagent.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentAsyncClient;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import io.github.zegoaiagent.client.callback.CallbackReceiver;
import io.github.zegoaiagent.client.callback.CallbackVerifier;
import io.github.zegoaiagent.client.token.Token04;
import io.github.zegoaiagent.client.token.Token04Variant;
import io.github.zegoaiagent.mock.MockServer;
import io.github.zegoaiagent.mock.MockServerConfig;
import io.github.zegoaiagent.spring.callback.ZegoCallbackAutoConfiguration;
import io.github.zegoaiagent.spring.health.ZegoHealthCheck;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auto-configuration creates, refuses and backs off from (no web server). */
class ZegoAutoConfigurationTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static MockServer mock;

  @BeforeAll
  static void start() {
    mock = MockServer.start(MockServerConfig.builder().credential(1234567890L, SECRET).qpsLimit(0).build());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZegoAiAgentPropertiesAutoConfiguration.class,
          ZegoAiAgentAutoConfiguration.class, ZegoCallbackAutoConfiguration.class));

  private ApplicationContextRunner configured() {
    return runner.withPropertyValues("zego.aiagent.app-id=1234567890", "zego.aiagent.server-secret=" + SECRET,
        "zego.aiagent.endpoint=" + mock.baseUrl());
  }

  @Test
  void nothingWithoutAnAppId() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(ZegoAiAgentClient.class).doesNotHaveBean(ZegoTokenService.class);
    });
    configured().withPropertyValues("zego.aiagent.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(ZegoAiAgentClient.class));
  }

  @Test
  void clientAsyncClientAndTokenServiceFromProperties() {
    configured().withPropertyValues("zego.aiagent.token.variant=CBC", "zego.aiagent.retry.max-attempts=1").run(ctx -> {
      assertThat(ctx).hasSingleBean(ZegoAiAgentClient.class).hasSingleBean(ZegoAiAgentAsyncClient.class);
      assertThat(ctx.getBean(ZegoAiAgentClient.class).toString()).doesNotContain(SECRET);
      assertThat(ctx.getBean(ZegoAiAgentProperties.class).toString()).doesNotContain(SECRET);
      assertThat(Token04.decode(ctx.getBean(ZegoTokenService.class).issue("u"), SECRET).variant()).isEqualTo(Token04Variant.CBC);
    });
  }

  @Test
  void anEmptyAppIdIsUnsetEverywhere() {
    // The README's yml without its environment variables: every value empty.
    runner.withPropertyValues("zego.aiagent.app-id=", "zego.aiagent.server-secret=", "zego.aiagent.region=",
        "zego.aiagent.endpoint=https://aigc-aiagent-api.zegotech.cn", "zego.aiagent.callback.secret=").run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).doesNotHaveBean(ZegoAiAgentClient.class).doesNotHaveBean(ZegoTokenService.class)
              .doesNotHaveBean(ZegoHealthCheck.class).doesNotHaveBean(CallbackReceiver.class);
          assertThat(ctx).hasSingleBean(ZegoAiAgentProperties.class);
        });
  }

  @Test
  void halfConfigurationsStopTheStartNamingTheProperty() {
    String url = "zego.aiagent.endpoint=" + mock.baseUrl();
    assertThat(failure(runner.withPropertyValues("zego.aiagent.app-id=1", url)).property()).isEqualTo("zego.aiagent.server-secret");
    assertThat(failure(runner.withPropertyValues("zego.aiagent.app-id=1", "zego.aiagent.server-secret= ", url)).property())
        .isEqualTo("zego.aiagent.server-secret");
    assertThat(failure(runner.withPropertyValues("zego.aiagent.server-secret=" + SECRET)).property()).isEqualTo("zego.aiagent.app-id");
    assertThat(failure(configured().withPropertyValues("zego.aiagent.region=SINGAPORE")).property()).isEqualTo("zego.aiagent.region");
    assertThat(failure(runner.withPropertyValues("zego.aiagent.app-id=1", "zego.aiagent.server-secret=" + SECRET)).property())
        .isEqualTo("zego.aiagent.region");
    assertThat(failure(configured().withPropertyValues("zego.aiagent.app-id=4294967296")).property()).isEqualTo("zego.aiagent.app-id");
    assertThat(failure(configured().withPropertyValues("zego.aiagent.endpoint=ftp://example.com")).property())
        .isEqualTo("zego.aiagent.endpoint");
    assertThat(failure(configured().withPropertyValues("zego.aiagent.retry.max-attempts=0")).property())
        .isEqualTo("zego.aiagent.retry.max-attempts");
    assertThat(failure(runner.withPropertyValues("zego.aiagent.callback.enabled=true")).property())
        .isEqualTo("zego.aiagent.callback.secret");
    assertThat(failure(runner.withPropertyValues("zego.aiagent.callback.secret=s", "zego.aiagent.callback.path=zego"))
        .property()).isEqualTo("zego.aiagent.callback.path");
    // Switched off, nothing of it is checked.
    runner.withPropertyValues("zego.aiagent.enabled=false", "zego.aiagent.app-id=1").run(ctx -> assertThat(ctx).hasNotFailed());
  }

  @Test
  void theFailureAnalysisSaysWhatIsWrongAndWhatToSetWithoutTheSecret() {
    ZegoAiAgentConfigurationException e = failure(runner.withPropertyValues("zego.aiagent.app-id=1234567890",
        "zego.aiagent.endpoint=" + mock.baseUrl()));
    org.springframework.boot.diagnostics.FailureAnalysis a = new ZegoAiAgentFailureAnalyzer()
        .analyze(new IllegalStateException("wrapped", e));
    assertThat(a.getDescription()).contains("zego.aiagent.app-id is set (1234567890)", "zego.aiagent.server-secret is empty");
    assertThat(a.getAction()).startsWith("Set zego.aiagent.server-secret").contains("ZEGO_AIAGENT_SERVER_SECRET");
    ZegoAiAgentConfigurationException secretOnly = failure(runner.withPropertyValues("zego.aiagent.server-secret=" + SECRET));
    assertThat(secretOnly.description() + secretOnly.action()).doesNotContain(SECRET);
    ZegoAiAgentConfigurationException neither = failure(runner.withPropertyValues("zego.aiagent.app-id=1", "zego.aiagent.server-secret=" + SECRET));
    assertThat(neither.action()).contains("SINGAPORE", "zego.aiagent.endpoint");
  }

  static ZegoAiAgentConfigurationException failure(ApplicationContextRunner r) {
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    r.run(ctx -> failure.set(ctx.getStartupFailure()));
    for (Throwable t = failure.get(); t != null; t = t.getCause()) {
      if (t instanceof ZegoAiAgentConfigurationException z) {
        return z;
      }
    }
    throw new AssertionError("no ZegoAiAgentConfigurationException in " + failure.get());
  }

  @Configuration(proxyBeanMethods = false)
  static class FixedClock {
    static final java.time.Instant AT = java.time.Instant.parse("2026-01-01T00:00:00Z");

    @Bean
    ZegoAiAgentClock zegoAiAgentClock() {
      return new ZegoAiAgentClock(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC));
    }
  }

  @Test
  void theClockBeanIsTheClockOfTheClientTheTokensTheVerifierAndHealth() {
    configured().withUserConfiguration(FixedClock.class).withPropertyValues("zego.aiagent.callback.secret=s").run(ctx -> {
      assertThat(Token04.decode(ctx.getBean(ZegoTokenService.class).issue("u"), SECRET).ctime())
          .isEqualTo(FixedClock.AT.getEpochSecond());
      // The mock's clock is the system clock: the client's fixed 2026-01-01 Timestamps are refused.
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ctx.getBean(ZegoAiAgentClient.class).agents()
          .listAgents(new io.github.zegoaiagent.client.model.ListAgentsRequest().limit(1))))
          .isInstanceOf(io.github.zegoaiagent.client.error.ZegoAuthenticationException.class);
    });
    new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZegoAiAgentPropertiesAutoConfiguration.class,
        ZegoCallbackAutoConfiguration.class)).withUserConfiguration(FixedClock.class)
        .withPropertyValues("zego.aiagent.callback.secret=s")
        .run(ctx -> assertThat(ctx.getBean(CallbackVerifier.class).clock().instant()).isEqualTo(FixedClock.AT));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    ZegoAiAgentClient myClient() {
      return ZegoAiAgentClient.builder().appId(1).serverSecret(SECRET).endpoint(mock.baseUrl()).build();
    }
  }

  @Test
  void backsOffFromTheApplicationsOwnClient() {
    configured().withUserConfiguration(OwnClient.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(ZegoAiAgentClient.class);
      assertThat(ctx).hasBean("myClient").doesNotHaveBean("zegoAiAgentClient");
    });
  }

  @Test
  void healthProbeCallsListAgentsAndIsDownForRefusedCredentials() {
    configured().withPropertyValues("zego.aiagent.health.probe=true").run(ctx -> {
      ZegoHealthCheck.Report report = ctx.getBean(ZegoHealthCheck.class).report();
      assertThat(report.state()).isEqualTo(ZegoHealthCheck.State.UP);
      assertThat(report.details().get("latest").toString()).startsWith("ListAgents answered");
      assertThat(mock.journal()).anyMatch(j -> j.toString().contains("ListAgents"));
    });
    runner.withPropertyValues("zego.aiagent.app-id=1234567890", "zego.aiagent.server-secret=ffffffffffffffffffffffffffffffff",
        "zego.aiagent.endpoint=" + mock.baseUrl(), "zego.aiagent.health.probe=true").run(ctx -> {
          ZegoHealthCheck.Report report = ctx.getBean(ZegoHealthCheck.class).report();
          assertThat(report.state()).isEqualTo(ZegoHealthCheck.State.DOWN);
          assertThat(report.details().get("latest").toString()).contains("credentials refused: Code 100000005");
          assertThat(report.details().toString()).doesNotContain("ffffffffffffffffffffffffffffffff");
        });
    // Without the probe nothing is claimed before a real call.
    configured().run(ctx -> assertThat(ctx.getBean(ZegoHealthCheck.class).report().state()).isEqualTo(ZegoHealthCheck.State.UNKNOWN));
  }

  @Test
  void callbackEndpointNeedsItsSecretAndAServletApplication() {
    WebApplicationContextRunner web = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZegoAiAgentPropertiesAutoConfiguration.class, ZegoCallbackAutoConfiguration.class));
    web.withPropertyValues("zego.aiagent.callback.enabled=true").run(ctx ->
        assertThat(ctx).getFailure().rootCause().isInstanceOf(ZegoAiAgentConfigurationException.class)
            .hasMessageContaining("zego.aiagent.callback.secret is empty"));
    // Unset enabled: served exactly when a secret is set; false switches it off anyway.
    web.withPropertyValues("zego.aiagent.callback.secret=s").run(ctx -> assertThat(ctx).hasBean("zegoCallbackServlet"));
    web.withPropertyValues("zego.aiagent.callback.secret=").run(ctx -> assertThat(ctx).doesNotHaveBean("zegoCallbackServlet"));
    web.withPropertyValues("zego.aiagent.callback.secret=s", "zego.aiagent.callback.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(CallbackReceiver.class));
    web.withPropertyValues("zego.aiagent.callback.enabled=true", "zego.aiagent.callback.secret=s",
        "zego.aiagent.callback.tolerance=90s").run(ctx -> {
          assertThat(ctx).hasSingleBean(CallbackReceiver.class);
          assertThat(ctx.getBean(CallbackVerifier.class).tolerance()).isEqualTo(Duration.ofSeconds(90));
          assertThat(ctx).hasBean("zegoCallbackServlet");
        });
    web.run(ctx -> assertThat(ctx).doesNotHaveBean(CallbackReceiver.class));
    // Not a web application: no endpoint even when enabled.
    runner.withPropertyValues("zego.aiagent.callback.enabled=true", "zego.aiagent.callback.secret=s")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(CallbackReceiver.class));
  }

  @Test
  void configurationMetadataDescribesTheProperties() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata generated by spring-boot-configuration-processor").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"zego.aiagent.app-id\"", "\"zego.aiagent.server-secret\"", "\"zego.aiagent.region\"",
          "\"zego.aiagent.callback.path\"", "\"zego.aiagent.callback.secret\"", "\"zego.aiagent.health.probe\"",
          "\"zego.aiagent.token.default-validity\"", "CallbackSecret from the console");
    }
  }
}
