package io.github.zegoaiagent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code mock-server/src/main} (compiled classes, generated ones included) have
 * no dependency cycle. The graph comes from the JDK's own {@code jdeps} (no extra dependency);
 * cycles are the strongly connected components with more than one package.
 */
class PackageCyclesTest {
  static final String ROOT = "io.github.zegoaiagent.mock";

  /** @return package → packages of this module it uses, read by jdeps from the main classes */
  static Map<String, Set<String>> graph() throws Exception {
    Path classes = Path.of(MockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "-verbose:package", "-filter:none", "-e", ROOT.replace(".", "\\.") + "(\\..*)?", classes.toString());
    assertThat(rc).as("jdeps: %s", err).isZero();
    Map<String, Set<String>> g = new TreeMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && f[0].startsWith(ROOT) && f[2].startsWith(ROOT)) {
        g.computeIfAbsent(f[0], k -> new TreeSet<>());
        g.computeIfAbsent(f[2], k -> new TreeSet<>());
        if (!f[0].equals(f[2])) {
          g.get(f[0]).add(f[2]);
        }
      }
    }
    return g;
  }

  @Test
  void mainPackagesHaveNoCycle() throws Exception {
    Map<String, Set<String>> g = graph();
    assertThat(g).as("jdeps saw the packages").containsKeys(ROOT, ROOT + ".internal.simulate", ROOT + ".internal.route", ROOT + ".internal.control", ROOT + ".values");
    assertThat(g.get(ROOT)).as("the graph has edges: the facade over the runtime").contains(ROOT + ".internal.runtime");
    assertThat(g.get(ROOT)).as("the facade knows no simulation part").doesNotContain(ROOT + ".internal.simulate",
        ROOT + ".internal.state", ROOT + ".internal.http");
    assertThat(cycles(g)).as("package cycles").isEmpty();
  }

  @Test
  void theCycleFinderFindsACycle() {
    Map<String, Set<String>> g = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
    assertThat(cycles(g)).containsExactly(List.of("a", "b", "c"));
  }

  /** Tarjan's strongly connected components with more than one member, each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> g) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new java.util.HashSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : g.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, g, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
      Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : g.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, g, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> scc = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        scc.add(w);
      } while (!w.equals(v));
      if (scc.size() > 1) {
        scc.sort(null);
        out.add(scc);
      }
    }
  }
}
