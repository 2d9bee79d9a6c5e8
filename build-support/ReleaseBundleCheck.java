import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The release-bundle check of one module, run by the parent pom in the verify phase (single-file
 * program: {@code java ReleaseBundleCheck.java --dir=... --file=... ...}).
 *
 * <p>It fails the build unless the module's {@code target/} holds what a Maven Central deployment of
 * the module needs, as the Central Portal validates it:
 *
 * <ul>
 *   <li>POM metadata: coordinates without SNAPSHOT, name, description, url, a licence with its
 *       url, a developer, scm url and connection (the values Maven resolved, inherited included);
 *   <li>for a jar module: {@code <file>.jar}, {@code <file>-sources.jar} holding the source of every
 *       top-level class in the jar (generated sources included) and {@code <file>-javadoc.jar} with
 *       an {@code index.html}; a module without Java classes needs sources and javadoc jars too
 *       (Central requires them), each non-empty;
 *   <li>with {@code --signatures=true} (the release profile): a {@code .asc} signature of each of
 *       these files and of the POM. In tests there is no key, so signatures are not required.
 * </ul>
 *
 * Checksums are not checked: the Central publishing plugin computes them when it builds the bundle.
 */
public final class ReleaseBundleCheck {

  public static void main(String[] args) throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      a.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    List<String> problems = new ArrayList<>();
    String coordinates = a.getOrDefault("coordinates", "");

    for (String key : List.of("coordinates", "name", "description", "url", "license", "license-url",
        "developer", "scm-url", "scm-connection")) {
      String v = a.get(key);
      if (v == null || v.isBlank() || v.contains("${")) {
        problems.add("POM metadata '" + key + "' is missing (value: " + v + ")");
      }
    }
    if (coordinates.endsWith("-SNAPSHOT")) {
      problems.add("version is a SNAPSHOT: " + coordinates);
    }

    Path dir = Path.of(a.get("dir"));
    String file = a.get("file");
    boolean signatures = Boolean.parseBoolean(a.getOrDefault("signatures", "false"));
    List<Path> published = new ArrayList<>();
    if ("jar".equals(a.get("packaging"))) {
      Path jar = dir.resolve(file + ".jar");
      Path sources = dir.resolve(file + "-sources.jar");
      Path javadoc = dir.resolve(file + "-javadoc.jar");
      published.addAll(List.of(jar, sources, javadoc));
      Set<String> jarEntries = entries(jar, problems);
      Set<String> sourceEntries = entries(sources, problems);
      Set<String> javadocEntries = entries(javadoc, problems);
      if (jarEntries != null && sourceEntries != null) {
        // Third-party code shaded and relocated into the jar (the mock's Netty) has its sources in
        // its own project's release, not in ours.
        String relocated = a.getOrDefault("relocated", "");
        Set<String> missing = new TreeSet<>();
        for (String e : jarEntries) {
          if (e.endsWith(".class") && !e.contains("$") && !e.startsWith("META-INF/")
              && (relocated.isEmpty() || !e.startsWith(relocated))
              && !e.endsWith("module-info.class") && !e.endsWith("package-info.class")) {
            String source = e.substring(0, e.length() - ".class".length()) + ".java";
            if (!sourceEntries.contains(source)) {
              missing.add(source);
            }
          }
        }
        if (!missing.isEmpty()) {
          problems.add(sources.getFileName() + " lacks the source of " + missing.size() + " classes, e.g. "
              + missing.iterator().next());
        }
        if (sourceEntries.stream().noneMatch(e -> !e.endsWith("/") && !e.startsWith("META-INF/"))) {
          problems.add(sources.getFileName() + " holds no file");
        }
      }
      if (javadocEntries != null && !javadocEntries.contains("index.html")) {
        problems.add(javadoc.getFileName() + " has no index.html");
      }
    } else if (!"pom".equals(a.get("packaging"))) {
      problems.add("unexpected packaging " + a.get("packaging"));
    }
    if (signatures) {
      published.add(dir.resolve(file + ".pom"));
      Set<String> asc = new TreeSet<>();
      if (Files.isDirectory(dir)) {
        try (Stream<Path> all = Files.walk(dir)) {
          all.filter(p -> p.getFileName().toString().endsWith(".asc"))
              .forEach(p -> asc.add(p.getFileName().toString()));
        }
      }
      for (Path p : published) {
        String name = p.getFileName().toString();
        // The POM's signature is written under the artifact's name (<file>.pom.asc).
        if (!asc.contains(name + ".asc")) {
          problems.add("no signature " + name + ".asc under " + dir);
        }
      }
    }

    if (!problems.isEmpty()) {
      System.err.println("[ERROR] Release bundle of " + coordinates + " is incomplete:");
      problems.forEach(p -> System.err.println("[ERROR]   " + p));
      System.exit(1);
    }
    System.out.println("Release bundle of " + coordinates + ": complete ("
        + ("jar".equals(a.get("packaging")) ? "pom, jar, sources, javadoc" : "pom") + (signatures ? ", signatures" : "")
        + ").");
  }

  /** The entry names of a non-empty archive, or null after recording why there are none. */
  private static Set<String> entries(Path archive, List<String> problems) {
    if (!Files.isRegularFile(archive)) {
      problems.add("missing " + archive);
      return null;
    }
    Set<String> names = new TreeSet<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(names::add);
    } catch (IOException e) {
      problems.add("not a readable jar: " + archive + " (" + e.getMessage() + ")");
      return null;
    }
    if (names.stream().allMatch(n -> n.startsWith("META-INF/"))) {
      problems.add("empty jar: " + archive);
    }
    return names;
  }
}
