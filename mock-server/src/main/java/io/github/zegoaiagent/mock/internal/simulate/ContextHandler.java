package io.github.zegoaiagent.mock.internal.simulate;

import io.github.zegoaiagent.mock.internal.error.ApiError;
import io.github.zegoaiagent.mock.internal.error.Codes;
import io.github.zegoaiagent.mock.internal.generated.model.AddAgentInstanceMsgRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceIdRequest;
import io.github.zegoaiagent.mock.internal.generated.model.AgentInstanceMsgListData;
import io.github.zegoaiagent.mock.internal.generated.model.EmptyResponse;
import io.github.zegoaiagent.mock.internal.generated.model.GetAgentInstanceMsgListResponse;
import io.github.zegoaiagent.mock.internal.generated.model.Message;
import io.github.zegoaiagent.mock.internal.memory.MemoryBudget;
import io.github.zegoaiagent.mock.internal.state.ContextEntry;
import io.github.zegoaiagent.mock.internal.state.InstanceState;
import java.util.ArrayList;
import java.util.List;

/**
 * The context aggregate: GetAgentInstanceMsgList, ResetAgentInstanceMsgList, AddAgentInstanceMsg
 * on the typed requests, within the message and character caps and the memory budget. Runs under
 * the instance's lock.
 */
final class ContextHandler {
  private final Rules config;

  ContextHandler(Rules config) {
    this.config = config;
  }

  public GetAgentInstanceMsgListResponse getAgentInstanceMsgList(CallContext ctx, InstanceState inst, AgentInstanceIdRequest req) {
    List<Message> list = new ArrayList<>();
    for (ContextEntry m : inst.context().messages()) {
      list.add(new Message().role(Message.RoleEnum.fromValue(m.role())).content(m.content()));
    }
    return new GetAgentInstanceMsgListResponse()
        .data(new AgentInstanceMsgListData().total(list.size()).messageList(list));
  }

  public EmptyResponse resetAgentInstanceMsgList(CallContext ctx, InstanceState inst, AgentInstanceIdRequest req) {
    inst.context().clear();
    return new EmptyResponse();
  }

  public EmptyResponse addAgentInstanceMsg(CallContext ctx, InstanceState inst, AddAgentInstanceMsgRequest req) {
    List<Message> msgs = req.getMessages() == null ? List.of() : req.getMessages();
    int maxMessages = config.caps().maxContextMessages();
    long maxChars = config.caps().maxContextBytes();
    if (inst.context().size() + msgs.size() > maxMessages) {
      throw new ApiError(Codes.INVALID_PARAMETER, "Messages: the mock keeps at most "
          + maxMessages + " context messages per instance (cap maxContextMessages); "
          + inst.context().size() + " are stored");
    }
    long chars = 0;
    long bytes = 0;
    List<ContextEntry> entries = new ArrayList<>(msgs.size());
    for (Message m : msgs) {
      ContextEntry e = new ContextEntry(m.getRole().getValue(), m.getContent() == null ? "" : m.getContent());
      chars += e.content().length();
      bytes += e.bytes();
      entries.add(e);
    }
    if (inst.context().chars() + chars > maxChars) {
      throw new ApiError(Codes.INVALID_PARAMETER, "Messages: the mock keeps at most "
          + maxChars + " characters of context per instance (cap maxContextBytes); "
          + inst.context().chars() + " are stored, these add " + chars);
    }
    if (!inst.memory().tryCharge(bytes, "context messages")) {
      throw new ApiError(Codes.INVALID_PARAMETER, "Messages: " + inst.memory().budget().refusal()
          + " (these " + msgs.size() + " messages need " + MemoryBudget.mib(bytes)
          + "); delete instances or ResetAgentInstanceMsgList first");
    }
    inst.context().addCharged(entries, maxMessages, maxChars);
    return new EmptyResponse();
  }
}
