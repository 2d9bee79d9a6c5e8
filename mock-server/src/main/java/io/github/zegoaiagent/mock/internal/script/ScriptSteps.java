package io.github.zegoaiagent.mock.internal.script;

import io.github.zegoaiagent.mock.internal.state.ScriptedTurns;
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
  public static List<ScriptedTurns.Step> expand(ConversationScript script, long startMillis,
      String defaultUser) {
    List<ScriptedTurns.Step> out = new ArrayList<>();
    for (ScriptEvent e : script.events()) {
      long at = startMillis + e.at().toMillis();
      switch (e.type()) {
        case SPEAK -> {
          String user = e.userId() != null ? e.userId() : defaultUser;
          out.add(new ScriptedTurns.Step(at, ScriptedTurns.Kind.SPEAK_BEGIN, e.text(), user));
          out.add(new ScriptedTurns.Step(startMillis + e.end().toMillis(), ScriptedTurns.Kind.SPEAK_END, e.text(), user));
        }
        case LEAVE -> out.add(new ScriptedTurns.Step(at, ScriptedTurns.Kind.LEAVE, null, null));
        case JOIN -> out.add(new ScriptedTurns.Step(at, ScriptedTurns.Kind.JOIN, null, null));
        default -> throw new IllegalStateException("unhandled " + e.type());
      }
    }
    out.sort(Comparator.comparingLong(ScriptedTurns.Step::at));
    return out;
  }
}
