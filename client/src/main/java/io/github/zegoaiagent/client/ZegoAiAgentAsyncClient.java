package io.github.zegoaiagent.client;

import io.github.zegoaiagent.client.api.AgentsApiAsync;
import io.github.zegoaiagent.client.api.InstanceControlApiAsync;
import io.github.zegoaiagent.client.api.InstancesApiAsync;
import io.github.zegoaiagent.client.internal.CallPipeline;
import io.github.zegoaiagent.client.internal.generated.Invokers;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face of a {@link ZegoAiAgentClient} (from {@link ZegoAiAgentClient#async()}):
 * the same 19 actions in the same three groups, each returning a {@code CompletableFuture}.
 *
 * <ul>
 *   <li>Validation runs before anything is sent; a violation returns an already failed future.
 *   <li>Every attempt is signed afresh; retries follow the same {@code RetryPolicy}, waiting on a
 *       timer, never on a blocked thread.
 *   <li>A future completes exceptionally with the same {@code ZegoException} the sync method throws
 *       ({@code join()} wraps it in a {@code CompletionException}, {@code get()} in an
 *       {@code ExecutionException}; the cause is the {@code ZegoException} itself).
 *   <li>{@code cancel(...)} aborts the exchange in flight (the connection is closed) and any retry.
 *   <li>Answers complete on the {@code HttpClient}'s executor; see {@code Builder.executor(...)}.
 * </ul>
 *
 * Immutable and thread-safe; shares the connections of the client it came from.
 */
public final class ZegoAiAgentAsyncClient {

  private final CallPipeline pipeline;
  private final AgentsApiAsync agents;
  private final InstancesApiAsync instances;
  private final InstanceControlApiAsync control;

  ZegoAiAgentAsyncClient(CallPipeline pipeline) {
    this.pipeline = pipeline;
    this.agents = new Invokers.AgentsApiAsyncImpl(pipeline);
    this.instances = new Invokers.InstancesApiAsyncImpl(pipeline);
    this.control = new Invokers.InstanceControlApiAsyncImpl(pipeline);
  }

  /** @return RegisterAgent, UnregisterAgent, UpdateAgent, ListAgents, QueryAgents */
  public AgentsApiAsync agents() {
    return agents;
  }

  /** @return CreateAgentInstance and its digital-human variants, UpdateAgentInstance, DeleteAgentInstance */
  public InstancesApiAsync instances() {
    return instances;
  }

  /** @return the instance-control actions: LLM/TTS triggers, status, interrupt, context, walkie-talkie */
  public InstanceControlApiAsync control() {
    return control;
  }

  /**
   * @param options the overrides, e.g. a shorter deadline or no retries
   * @return a view of this client whose calls use them
   */
  public ZegoAiAgentAsyncClient withOptions(CallOptions options) {
    Objects.requireNonNull(options, "options");
    return new ZegoAiAgentAsyncClient(pipeline.with(options.timeout().orElse(null), options.retryPolicy().orElse(null)));
  }

  /**
   * Calls an action by its name.
   *
   * @param action the {@code x-zego-action}, e.g. {@code CreateAgentInstance}
   * @param request the request body, of the action's generated request type
   * @return the decoded answer
   * @throws IllegalArgumentException for an unknown action or a request of the wrong type
   */
  public CompletableFuture<Object> call(String action, Object request) {
    return pipeline.callAsync(ZegoAiAgentClient.typed(action, request), request);
  }

  @Override
  public String toString() {
    return "ZegoAiAgentAsyncClient[timeout=" + pipeline.timeout() + ", " + pipeline.retryPolicy() + "]";
  }
}
