package io.github.zegoaiagent.client.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Feign;
import feign.Util;
import io.github.zegoaiagent.client.JsonCodec;
import io.github.zegoaiagent.client.SpecExamples;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
import io.github.zegoaiagent.client.model.ListAgentsResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated sync interfaces stay plain Feign bindings of the real wire (ADR 0004): Feign alone,
 * with nothing of this client's runtime, sends {@code POST /?Action=X} with the JSON body.
 */
class FeignBindingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void plainFeignCanTargetTheGeneratedInterface() {
    wm.stubFor(post(urlEqualTo("/?Action=ListAgents"))
        .willReturn(aResponse().withStatus(200).withBody(SpecExamples.successResponse("ListAgents").toString())));
    ObjectMapper mapper = JsonCodec.newMapper();
    AgentsApi api = Feign.builder()
        .encoder((object, type, template) -> {
          try {
            template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .decoder((response, type) -> mapper.readValue(Util.toByteArray(response.body().asInputStream()),
            mapper.constructType(type)))
        .target(AgentsApi.class, wm.baseUrl());

    ListAgentsResponse answer = api.listAgents(new ListAgentsRequest().limit(5));

    assertThat(answer.getCode()).isZero();
    wm.verify(postRequestedFor(urlPathEqualTo("/")).withQueryParam("Action", equalTo("ListAgents"))
        .withRequestBody(equalTo("{\"Limit\":5}")));
  }
}
