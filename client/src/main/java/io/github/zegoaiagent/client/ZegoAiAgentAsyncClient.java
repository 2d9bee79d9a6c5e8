package io.github.zegoaiagent.client;

import io.github.zegoaiagent.client.api.AgentsApiAsync;
import io.github.zegoaiagent.client.api.InstanceControlApiAsync;
import io.github.zegoaiagent.client.api.InstancesApiAsync;
import io.github.zegoaiagent.client.core.AutoPagerAsync;
import io.github.zegoaiagent.client.internal.CallPipeline;
import io.github.zegoaiagent.client.internal.ClientCore;
import io.github.zegoaiagent.client.internal.Paging;
import io.github.zegoaiagent.client.internal.generated.Invokers;
import io.github.zegoaiagent.client.model.AgentInfo;
import io.github.zegoaiagent.client.model.ListAgentsRequest;
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
 * Immutable and thread-safe; shares the connections of the client it came from. Close the client
 * you built: {@link #close()} closes an async client built by {@link #fromEnv()} or
 * {@code ZegoAiAgentClient.Builder.buildAsync()}, and does nothing on a view
 * ({@code client.async()}, {@link #withOptions}).
 */
public final class ZegoAiAgentAsyncClient implements AutoCloseable {

  private final CallPipeline pipeline;
  private final ClientCore core;
  private final boolean owner;
  private final AgentsApiAsync agents;
  private final InstancesApiAsync instances;
  private final InstanceControlApiAsync control;

  ZegoAiAgentAsyncClient(CallPipeline pipeline, ClientCore core, boolean owner) {
    this.pipeline = pipeline;
    this.core = core;
    this.owner = owner;
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
    return new ZegoAiAgentAsyncClient(pipeline.with(options.timeout().orElse(null), options.retryPolicy().orElse(null)),
        core, false);
  }

  /**
   * An async client configured from the environment, as {@link ZegoAiAgentClient#fromEnv()} reads
   * it; close it when done.
   *
   * @return the async face of a new client
   * @throws IllegalStateException naming the variable that is missing or malformed
   */
  public static ZegoAiAgentAsyncClient fromEnv() {
    return ZegoAiAgentClient.fromEnv().owningAsync();
  }

  /**
   * Every registered agent, page after page, without blocking: the next ListAgents is sent only
   * after the consumer has seen the current page.
   *
   * @param first the first page's request, e.g. {@code new ListAgentsRequest().limit(10)}
   * @return the pager; {@code forEach(...)} walks the pages, cancelling its future stops the walk
   */
  public AutoPagerAsync<AgentInfo> listAllAgents(ListAgentsRequest first) {
    ListAgentsRequest request = Paging.first(first);
    return AutoPagerAsync.of(request.getCursor(),
        cursor -> agents.listAgents(Paging.at(request, cursor)).thenApply(Paging::page));
  }

  /**
   * @return the same actions returning each call's {@link io.github.zegoaiagent.client.core.RawAnswer}
   *     (HTTP status, headers, RequestId, body beside the decoded answer), asynchronously
   */
  public ZegoAiAgentRawAsyncClient withRawAnswer() {
    return new ZegoAiAgentRawAsyncClient(pipeline);
  }

  /**
   * Closes an async client built by {@link #fromEnv()} or {@code buildAsync()}: its validator and,
   * when it built its own, its {@code HttpClient}. On a view ({@code client.async()},
   * {@link #withOptions}) it does nothing: close the client you built.
   */
  @Override
  public void close() {
    if (owner) {
      core.close();
    }
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
