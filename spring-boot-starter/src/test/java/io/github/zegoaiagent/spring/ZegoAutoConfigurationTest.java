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
      .withConfiguration(AutoConfigurations.of(ZegoAiAgentAutoConfiguration.class, ZegoCallbackAutoConfiguration.class));

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
  void clearErrorsForIncompleteConfiguration() {
    runner.withPropertyValues("zego.aiagent.app-id=1", "zego.aiagent.endpoint=" + mock.baseUrl()).run(ctx ->
        assertThat(ctx).getFailure().rootCause().hasMessageContaining("zego.aiagent.server-secret is required"));
    configured().withPropertyValues("zego.aiagent.region=SINGAPORE").run(ctx ->
        assertThat(ctx).getFailure().rootCause().hasMessageContaining("exactly one of zego.aiagent.region and zego.aiagent.endpoint"));
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
        .withConfiguration(AutoConfigurations.of(ZegoCallbackAutoConfiguration.class));
    web.withPropertyValues("zego.aiagent.callback.enabled=true").run(ctx ->
        assertThat(ctx).getFailure().rootCause().hasMessageContaining("zego.aiagent.callback.secret is required"));
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
