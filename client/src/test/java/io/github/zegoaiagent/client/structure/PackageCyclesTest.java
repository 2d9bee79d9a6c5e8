package io.github.zegoaiagent.client.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The client's packages (compiled main classes, generated ones included) form no dependency
 * cycle, and the generated code sits on a bottom layer: {@code model} and {@code api} depend on
 * {@code core} only, {@code core} on nothing of the client. The graph comes from the JDK's own
 * {@code jdeps}, as in the mock's {@code PackageCyclesTest}.
 */
class PackageCyclesTest {

  static final String ROOT = "io.github.zegoaiagent.client";

  /** @return package → packages of this module it uses, read by jdeps from the main classes */
  static Map<String, Set<String>> graph() throws Exception {
    Path classes = Path.of(ZegoAiAgentClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
    assertThat(g).as("jdeps saw the packages").containsKeys(ROOT, ROOT + ".model", ROOT + ".api", ROOT + ".core",
        ROOT + ".internal", ROOT + ".callback");
    assertThat(g.get(ROOT)).as("the graph has edges").contains(ROOT + ".internal");
    assertThat(cycles(g)).as("package cycles").isEmpty();
  }

  @Test
  void generatedCodeDependsOnTheCoreOnlyAndTheCoreOnNothing() throws Exception {
    Map<String, Set<String>> g = graph();
    assertThat(g.get(ROOT + ".core")).as("core depends on nothing of the client").isEmpty();
    assertThat(g.get(ROOT + ".model")).as("models").containsExactly(ROOT + ".core");
    assertThat(g.get(ROOT + ".api")).as("API interfaces").containsExactlyInAnyOrder(ROOT + ".core", ROOT + ".model");
  }

  @Test
  void theCycleFinderFindsACycle() {
    Map<String, Set<String>> g = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
    assertThat(cycles(g)).containsExactly(List.of("a", "b", "c"));
    assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
  }

  /**
   * @param g a directed graph
   * @return its cycles as the sets of packages that reach each other (each sorted), found by
   *     intersecting what a package reaches with what reaches it
   */
  static List<List<String>> cycles(Map<String, Set<String>> g) {
    Map<String, Set<String>> reach = new TreeMap<>();
    for (String v : g.keySet()) {
      reach.put(v, reachable(g, v));
    }
    Set<String> seen = new HashSet<>();
    List<List<String>> out = new ArrayList<>();
    for (String v : reach.keySet()) {
      if (seen.contains(v) || !reach.get(v).contains(v)) {
        continue;
      }
      List<String> members = new ArrayList<>();
      for (String w : reach.get(v)) {
        if (reach.getOrDefault(w, Set.of()).contains(v)) {
          members.add(w);
        }
      }
      members.sort(null);
      seen.addAll(members);
      out.add(members);
    }
    return out;
  }

  private static Set<String> reachable(Map<String, Set<String>> g, String from) {
    Set<String> seen = new TreeSet<>();
    List<String> todo = new ArrayList<>(g.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      String v = todo.remove(todo.size() - 1);
      if (seen.add(v)) {
        todo.addAll(g.getOrDefault(v, Set.of()));
      }
    }
    return seen;
  }
}
