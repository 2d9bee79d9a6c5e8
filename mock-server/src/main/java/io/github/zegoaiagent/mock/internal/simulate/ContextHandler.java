package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.model.AddAgentInstanceMsgRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceMsgListData;
import io.github.zegoaiagent.mock.internal.generated.model.EmptyResponse;
import io.github.zegoaiagent.mock.internal.generated.model.GetAgentInstanceMsgListResponse;
import io.github.zegoaiagent.mock.internal.generated.model.Message;
import io.github.zegoaiagent.mock.values.ContextMessage;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.List;

/**
 * The context aggregate: GetAgentInstanceMsgList, ResetAgentInstanceMsgList, AddAgentInstanceMsg
 * on the typed requests, within the message and character caps. Runs under the state lock.
 */
final class ContextHandler {
  private final SimulationSettings config;
  private final Speech speech;
  private final Instances instances;

  ContextHandler(SimulationSettings config, Speech speech, Instances instances) {
    this.config = config;
    this.speech = speech;
    this.instances = instances;
  }

  public GetAgentInstanceMsgListResponse getAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    InstanceState inst = instances.find(ctx, req.getAgentInstanceId());
    List<Message> list = new ArrayList<>();
    for (ContextMessage m : inst.context().messages()) {
      list.add(new Message().role(Message.RoleEnum.fromValue(m.role())).content(m.content()));
    }
    return new GetAgentInstanceMsgListResponse()
        .data(new AgentInstanceMsgListData().total(list.size()).messageList(list));
  }

  public EmptyResponse resetAgentInstanceMsgList(CallContext ctx, AgentInstanceIdRequest req) {
    InstanceState cleared = instances.find(ctx, req.getAgentInstanceId());
    cleared.context().clear();
    return new EmptyResponse();
  }

  public EmptyResponse addAgentInstanceMsg(CallContext ctx, AddAgentInstanceMsgRequest req) {
    InstanceState inst = instances.find(ctx, req.getAgentInstanceId());
    List<Message> msgs = req.getMessages() == null ? List.of() : req.getMessages();
    if (inst.context().size() + msgs.size() > config.maxContextMessages()) {
      throw new ApiError(Codes.INVALID_PARAMETER, "Messages: the mock keeps at most "
          + config.maxContextMessages() + " context messages per instance (cap maxContextMessages); "
          + inst.context().size() + " are stored");
    }
    long chars = 0;
    for (Message m : msgs) {
      chars += m.getContent() == null ? 0 : m.getContent().length();
    }
    if (inst.context().chars() + chars > config.maxContextBytes()) {
      throw new ApiError(Codes.INVALID_PARAMETER, "Messages: the mock keeps at most "
          + config.maxContextBytes() + " characters of context per instance (cap maxContextBytes); "
          + inst.context().chars() + " are stored, these add " + chars);
    }
    for (Message m : msgs) {
      speech.addContext(inst, m.getRole().getValue(), m.getContent());
    }
    return new EmptyResponse();
  }

}
