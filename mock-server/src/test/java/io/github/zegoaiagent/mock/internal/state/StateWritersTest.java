package io.github.zegoaiagent.mock.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.mock.MockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * State has one writer: the mutable model ({@link InstanceState}, {@link AppState},
 * {@link SpeechItem}, {@link ContextLog}, {@link RoomUsers}) is used only by the simulation ({@code internal.simulate}) and its own
 * package; everything else (the root package, control, callback, route, ...) sees snapshots and
 * value types. Class dependencies come from the JDK's {@code jdeps}, so a call through a getter
 * that returns one of these types counts too.
 */
class StateWritersTest {
  static final String ROOT = "io.github.zegoaiagent.mock";
  static final Set<String> MUTABLE = Set.of(InstanceState.class.getName(), AppState.class.getName(),
      SpeechItem.class.getName(), ContextLog.class.getName(), RoomUsers.class.getName(),
      ScriptedTurns.class.getName());
  static final Set<String> WRITERS = Set.of(ROOT + ".internal.simulate", ROOT + ".internal.state");

  /** @return "from -> to" class edges inside the module's main classes */
  static List<String[]> classEdges() throws Exception {
    Path classes = Path.of(MockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "-verbose:class", "-filter:none",
        "-e", ROOT.replace(".", "\\.") + "(\\..*)?", classes.toString());
    assertThat(rc).as("jdeps: %s", err).isZero();
    List<String[]> edges = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && f[0].startsWith(ROOT) && f[2].startsWith(ROOT)) {
        edges.add(new String[] {f[0], f[2]});
      }
    }
    return edges;
  }

  /** @return the edges that reach the mutable model from outside the writers' packages */
  static Set<String> trespassers(List<String[]> edges) {
    Set<String> out = new TreeSet<>();
    for (String[] e : edges) {
      String to = e[1].replaceAll("\\$.*", "");
      if (MUTABLE.contains(to) && !WRITERS.contains(packageOf(e[0]))) {
        out.add(e[0] + " -> " + e[1]);
      }
    }
    return out;
  }

  private static String packageOf(String cls) {
    return cls.substring(0, cls.lastIndexOf('.'));
  }

  @Test
  void onlyTheSimulationTouchesTheMutableState() throws Exception {
    List<String[]> edges = classEdges();
    assertThat(edges).as("jdeps sees the simulation use InstanceState")
        .anyMatch(e -> e[0].equals(ROOT + ".internal.simulate.InstancesHandler")
            && e[1].equals(InstanceState.class.getName()));
    assertThat(trespassers(edges)).as("classes outside internal.simulate using the mutable state").isEmpty();
  }

  @Test
  void aReaderOutsideTheSimulationIsCaught() {
    List<String[]> edges = List.of(
        new String[] {ROOT + ".internal.simulate.TurnsHandler", InstanceState.class.getName()},
        new String[] {ROOT + ".MockServer", AppState.class.getName()},
        new String[] {ROOT + ".internal.callback.CallbackDispatcher", SpeechItem.class.getName() + "$Source"});
    assertThat(trespassers(edges)).containsExactly(
        ROOT + ".MockServer -> " + AppState.class.getName(),
        ROOT + ".internal.callback.CallbackDispatcher -> " + SpeechItem.class.getName() + "$Source");
  }
}
