package io.github.zegoaiagent.mock.internal.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zegoaiagent.contract.Action;
import io.github.zegoaiagent.contract.ReturnCode;
import io.github.zegoaiagent.contract.ZegoContract;
import io.github.zegoaiagent.mock.control.model.ExceptionCodeName;
import io.github.zegoaiagent.mock.control.model.Names;
import io.github.zegoaiagent.mock.control.model.ReturnCodeName;
import io.github.zegoaiagent.mock.internal.callback.CallbackEvents;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the contract gives codes and events, for people: return-code names, Exception code
 * meanings (the {@code ExceptionEventData} schema's {@code x-zego-exception-codes}) and the
 * Interrupted reasons (its {@code Reason} description). Read once; nothing is written by hand
 * here that the contract says.
 */
public final class ContractWords {
  private static final String EXCEPTION = "/components/schemas/ExceptionEventData/x-zego-exception-codes";
  private static final String REASON = "/components/schemas/InterruptedEventData/properties/Reason/description";
  private static final Pattern REASON_ITEM = Pattern.compile("(\\d+) = ([^,.]+)");

  private final Map<Integer, ReturnCode> returnCodes;
  private final Map<Integer, String> exceptionCodes = new TreeMap<>();
  private final Map<Integer, String> reasons = new TreeMap<>();
  private final List<String> actions = new ArrayList<>();

  /** @param contract the contract the mock serves */
  public ContractWords(ZegoContract contract) {
    this.returnCodes = contract.returnCodes();
    for (Iterator<Map.Entry<String, JsonNode>> it = contract.node(EXCEPTION).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      exceptionCodes.put(Integer.parseInt(e.getKey()), e.getValue().asText());
    }
    Matcher m = REASON_ITEM.matcher(contract.node(REASON).asText(""));
    while (m.find()) {
      reasons.put(Integer.parseInt(m.group(1)), m.group(2).trim());
    }
    contract.actions().stream().map(Action::name).sorted().forEach(actions::add);
  }

  /** @return the return code's constant name, or null for a code the contract does not list */
  public String returnCodeName(long code) {
    ReturnCode r = code > Integer.MAX_VALUE || code < Integer.MIN_VALUE ? null : returnCodes.get((int) code);
    return r == null ? null : r.name();
  }

  /** @return what an Exception (or AgentInstanceDeleted) code means, or null */
  public String exceptionMeaning(long code) {
    return exceptionCodes.get((int) code);
  }

  /** @return why an Interrupted event's Reason cut the speech, e.g. {@code user speech} */
  public String interruptReason(int reason) {
    return reasons.getOrDefault(reason, "Reason " + reason);
  }

  /** @return the names as the control API answers them ({@code GET /_mock/names}) */
  public Names names() {
    Names n = new Names().actions(new ArrayList<>(actions));
    n.setReturnCodes(new ArrayList<>());
    returnCodes.values().stream().sorted((a, b) -> Integer.compare(a.code(), b.code())).forEach(r ->
        n.addReturnCodesItem(new ReturnCodeName().code((long) r.code()).name(r.name()).layer(r.layer())
            .description(r.description())));
    n.setExceptionCodes(new ArrayList<>());
    exceptionCodes.forEach((code, text) -> n.addExceptionCodesItem(new ExceptionCodeName().code(code).description(text)));
    n.setEvents(new ArrayList<>(new java.util.TreeSet<>(CallbackEvents.all().values())));
    return n;
  }
}
