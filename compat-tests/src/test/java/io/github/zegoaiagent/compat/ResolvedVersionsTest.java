package io.github.zegoaiagent.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.client.ZegoAiAgentClient;
import jakarta.validation.Validation;
import java.net.URI;
import java.nio.file.Path;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

/**
 * Proves the end-to-end tests beside this one ran on the versions Spring Boot's BOM manages (not
 * on the client's own), and, under Boot 4, with Jackson 3 on the class path beside Jackson 2.
 */
class ResolvedVersionsTest {

  private static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
  }

  @Test
  void theClientRunsOnBootsManagedJacksonAndValidation() throws Exception {
    assertThat(jarOf(ObjectMapper.class)).isEqualTo("jackson-databind-" + System.getProperty("compat.jackson2") + ".jar");
    assertThat(jarOf(HibernateValidator.class))
        .isEqualTo("hibernate-validator-" + System.getProperty("compat.hibernateValidator") + ".jar");
    assertThat(jarOf(Validation.class))
        .isEqualTo("jakarta.validation-api-" + System.getProperty("compat.jakartaValidation") + ".jar");
  }

  @Test
  void underBoot4JacksonThreeSitsBesideTheClientsJacksonTwo() throws Exception {
    boolean boot4 = System.getProperty("compat.springBoot").startsWith("4.");
    boolean jackson3 = isPresent("tools.jackson.databind.ObjectMapper");
    assertThat(jackson3).as("Jackson 3 present under Boot 4 only").isEqualTo(boot4);
    try (ZegoAiAgentClient client = ZegoAiAgentClient.builder().appId(1).serverSecret("s")
        .endpoint(URI.create("http://127.0.0.1:9")).build()) {
      assertThat(client.toString()).contains("serverSecret=***");
    }
  }

  private static boolean isPresent(String name) {
    try {
      Class.forName(name, false, ResolvedVersionsTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
