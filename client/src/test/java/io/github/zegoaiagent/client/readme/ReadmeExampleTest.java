package io.github.zegoaiagent.client.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.TestClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** client/README.md's example is this compiled code, and it runs. */
class ReadmeExampleTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest
  @ValueSource(strings = {"ReadmeExample.java", "ReadmeAsyncExample.java"})
  void theReadmeShowsExactlyTheCompiledExample(String file) throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/test/java/io/github/zegoaiagent/client/readme/" + file));
    int begin = source.indexOf("    // README-BEGIN");
    int end = source.indexOf("    // README-END");
    String example = source.subList(begin + 1, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
    assertThat(Files.readString(Path.of("README.md"))).contains(example);
  }

  @Test
  void theExampleRuns() {
    for (String action : List.of("RegisterAgent", "CreateAgentInstance", "SendAgentInstanceTTS")) {
      wm.stubFor(post(urlPathEqualTo("/")).withQueryParam("Action", equalTo(action))
          .willReturn(aResponse().withStatus(200).withBody(SpecExamples.successResponse(action).toString())));
    }
    long round = ReadmeExample.run(URI.create(wm.baseUrl()), TestClients.APP_ID, TestClients.SECRET, "sk-test", "tts-test");

    assertThat(round).isEqualTo(SpecExamples.successResponse("SendAgentInstanceTTS").at("/Data/Round").asLong());
    wm.verify(postRequestedFor(urlPathEqualTo("/")).withQueryParam("Action", equalTo("SendAgentInstanceTTS"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.AgentInstanceId",
            equalTo(SpecExamples.successResponse("CreateAgentInstance").at("/Data/AgentInstanceId").asText()))));
    wm.verify(3, postRequestedFor(urlPathEqualTo("/")));
  }

  @Test
  void theAsyncExampleRuns() {
    for (String action : List.of("SendAgentInstanceTTS", "InterruptAgentInstance")) {
      wm.stubFor(post(urlPathEqualTo("/")).withQueryParam("Action", equalTo(action))
          .willReturn(aResponse().withStatus(200).withBody(SpecExamples.successResponse(action).toString())));
    }
    List<String> metrics = new java.util.concurrent.CopyOnWriteArrayList<>();
    long round = ReadmeAsyncExample.run(URI.create(wm.baseUrl()), TestClients.APP_ID, TestClients.SECRET,
        "1907755175297171456", metrics);

    assertThat(round).isEqualTo(SpecExamples.successResponse("SendAgentInstanceTTS").at("/Data/Round").asLong());
    assertThat(metrics).containsExactlyInAnyOrder(
        "SendAgentInstanceTTS attempt 1 RequestId " + SpecExamples.successResponse("SendAgentInstanceTTS").at("/RequestId").asText(),
        "InterruptAgentInstance attempt 1 RequestId " + SpecExamples.successResponse("InterruptAgentInstance").at("/RequestId").asText());
  }
}
