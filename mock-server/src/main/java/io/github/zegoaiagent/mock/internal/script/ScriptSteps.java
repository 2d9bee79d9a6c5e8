package io.github.zegoaiagent.mock.internal.script;

import io.github.zegoaiagent.mock.internal.state.ScriptStep;
import io.github.zegoaiagent.mock.script.ConversationScript;
import io.github.zegoaiagent.mock.script.ScriptEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a {@link ConversationScript} into absolute-time steps for one instance: a speak event
 * becomes SPEAK_BEGIN at its time and SPEAK_END when it is over. Sorting is stable, so steps at
 * the same time keep the script's order (an END before the next BEGIN).
 */
public final class ScriptSteps {
  private ScriptSteps() {
  }

  /**
   * @param script the script
   * @param startMillis mock-clock time the script starts at
   * @param defaultUser the instance's UserId
   * @return steps in time order
   */
  public static List<ScriptStep> expand(ConversationScript script, long startMillis, String defaultUser) {
    List<ScriptStep> out = new ArrayList<>();
    for (ScriptEvent e : script.events()) {
      long at = startMillis + e.at().toMillis();
      switch (e.type()) {
        case SPEAK -> {
          String user = e.userId() != null ? e.userId() : defaultUser;
          out.add(new ScriptStep(at, ScriptStep.Kind.SPEAK_BEGIN, e.text(), user));
          out.add(new ScriptStep(startMillis + e.end().toMillis(), ScriptStep.Kind.SPEAK_END, e.text(), user));
        }
        case LEAVE -> out.add(new ScriptStep(at, ScriptStep.Kind.LEAVE, null, null));
        case JOIN -> out.add(new ScriptStep(at, ScriptStep.Kind.JOIN, null, null));
        default -> throw new IllegalStateException("unhandled " + e.type());
      }
    }
    out.sort(Comparator.comparingLong(ScriptStep::at));
    return out;
  }
}
