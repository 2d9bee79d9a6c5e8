package io.github.zegoaiagent.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.zegoaiagent.spring.testapp.StarterTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A real start with a half configuration prints Spring Boot's failure report with our Description
 * and Action: the analyzer is registered (META-INF/spring.factories) and found by Boot.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureReportTest {

  @Test
  void anAppIdWithoutItsSecretFailsWithDescriptionAndAction(CapturedOutput output) {
    Throwable t = catchThrowable(() -> new SpringApplicationBuilder(StarterTestApplication.class)
        .web(WebApplicationType.NONE)
        .run("--zego.aiagent.app-id=1234567890", "--zego.aiagent.region=SINGAPORE", "--spring.main.banner-mode=off"));
    assertThat(t).isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("Description:", "zego.aiagent.app-id is set (1234567890) but zego.aiagent.server-secret is empty")
        .contains("Action:", "Set zego.aiagent.server-secret to the ServerSecret");
  }

  @Test
  void aRegionThatIsNoneIsReportedWithTheValidOnes(CapturedOutput output) {
    Throwable t = catchThrowable(() -> new SpringApplicationBuilder(StarterTestApplication.class)
        .web(WebApplicationType.NONE)
        .run("--zego.aiagent.region=MARS", "--spring.main.banner-mode=off"));
    assertThat(t).isNotNull();
    // Spring Boot's own bind analyzer: the property, the value, and (Action) the valid values.
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START", "zego.aiagent.region", "MARS", "Action:")
        .contains("SINGAPORE");
  }
}
