package io.github.zegoaiagent.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of every Markdown file of the repository compiles as shown, imports
 * included, against the published modules (this module's test dependencies) with
 * {@code -Xlint:all -Werror}. One rule for all READMEs, so a block added anywhere is checked
 * without registering it:
 *
 * <ul>
 *   <li>A block that declares a top-level type ({@code class}, {@code record}, {@code interface},
 *       {@code enum}, or an annotated one) is a compilation unit: compiled as it is, in a file
 *       named after its first type. Units of one Markdown file that declare the same
 *       {@code package} are one example: compiled together (a test that uses the listener of
 *       the block before).</li>
 *   <li>Any other block is statements: its leading {@code import} lines are imports, the rest is
 *       the body of a method ({@code throws Exception}) of a class of its own.</li>
 *   <li>Names a block uses but a reader brings (your secret, your backend) are declared in an HTML
 *       comment right before the fence, invisible on the rendered page:
 *       {@code <!-- java-given: String secret; long appId; -->}. For statements they are members of
 *       the wrapping class; for a compilation unit, top-level declarations compiled beside it.</li>
 * </ul>
 *
 * A block that uses a module this one does not depend on fails to compile: add that module to
 * {@code readme-snippets/pom.xml} in test scope.
 */
class ReadmeSnippetsTest {
  static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  private static final Pattern FENCE = Pattern.compile("(?:<!-- java-given:(.*?)-->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE = Pattern.compile(
      "^(?:@[A-Za-z.]+(?:\\([^)]*\\))?\\s*)*(?:public |final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) ",
      Pattern.MULTILINE);

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern TYPE_NAME = Pattern.compile("(?:class|record|interface|enum)\\s+(\\w+)");

  /** One {@code ```java} block. */
  record Snippet(Path file, int line, String given, String code) {
    boolean isCompilationUnit() {
      return TYPE.matcher(code).find();
    }

    /** @return its {@code package}, or empty */
    String pkg() {
      Matcher m = PACKAGE.matcher(code);
      return m.find() ? m.group(1) : "";
    }

    @Override
    public String toString() {
      return ROOT.relativize(file) + ":" + line;
    }
  }

  /** @return every Markdown file of the repository, outside build output and installed packages */
  static List<Path> markdownFiles() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      return all.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> {
            for (Path part : ROOT.relativize(p)) {
              String s = part.toString();
              if (s.equals("target") || s.equals("node_modules") || s.startsWith(".")) {
                return false;
              }
            }
            return true;
          })
          .sorted().toList();
    }
  }

  static List<Snippet> snippets(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      int line = (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
      out.add(new Snippet(file, line, m.group(1) == null ? "" : m.group(1).strip(), m.group(2)));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfEveryReadmeCompiles(@TempDir Path work) throws IOException {
    List<Snippet> all = new ArrayList<>();
    for (Path f : markdownFiles()) {
      all.addAll(snippets(f));
    }
    assertThat(all).as("Java blocks found under %s", ROOT).hasSizeGreaterThan(10);
    return all.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> assertCompiles(s, siblings(s, all), work)));
  }

  /** @return the other compilation units of the same file and package (one example in several blocks) */
  static List<Snippet> siblings(Snippet s, List<Snippet> all) {
    if (!s.isCompilationUnit() || s.pkg().isEmpty()) {
      return List.of();
    }
    return all.stream().filter(o -> o != s && o.file().equals(s.file()) && o.isCompilationUnit() && o.pkg().equals(s.pkg()))
        .toList();
  }

  @Test
  void theRulesAreTheOnesDocumented(@TempDir Path work) throws IOException {
    Path md = work.resolve("README.md");
    Files.writeString(md, String.join("\n",
        "<!-- java-given: String secret; -->",
        "```java",
        "import java.time.Duration;",
        "",
        "Duration d = Duration.ofSeconds(secret.length());",
        "```",
        "```java",
        "@Deprecated",
        "record Point(int x, int y) { }",
        "```",
        "```java",
        "Duration d = Duration.ofSeconds(1); // no import",
        "```",
        "<!-- java-given: class Backend { static int port() { return 8080; } } -->",
        "```java",
        "class UsesIt {",
        "  int port = Backend.port();",
        "}",
        "```"));
    List<Snippet> s = snippets(md);
    assertThat(s).hasSize(4);
    assertThat(compile(s.get(3), work.resolve("d"))).as("a given type, compiled beside the unit").isEmpty();
    assertThat(s.get(0).given()).isEqualTo("String secret;");
    assertThat(s.get(0).isCompilationUnit()).isFalse();
    assertThat(s.get(1).isCompilationUnit()).isTrue();
    assertThat(compile(s.get(0), work.resolve("a"))).isEmpty();
    assertThat(compile(s.get(1), work.resolve("b"))).isEmpty();
    assertThat(compile(s.get(2), work.resolve("c"))).contains("cannot find symbol");
  }

  private static void assertCompiles(Snippet s, List<Snippet> siblings, Path work) throws IOException {
    String errors = compile(s, siblings, work.resolve("s" + Integer.toHexString(s.toString().hashCode())));
    assertThat(errors).as("%s does not compile as shown (imports included):%n%s%n--- the block:%n%s", s, errors, s.code())
        .isEmpty();
  }

  static String compile(Snippet s, Path dir) throws IOException {
    return compile(s, List.of(), dir);
  }

  /** @return javac's diagnostics, empty when the block (with its siblings) compiles without a warning */
  static String compile(Snippet s, List<Snippet> siblings, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> sources = new ArrayList<>();
    if (s.isCompilationUnit()) {
      sources.add(write(dir, typeName(s.code(), "Snippet") + ".java", s.code()));
      for (Snippet o : siblings) {
        sources.add(write(dir, typeName(o.code(), "Sibling" + o.line()) + ".java", o.code()));
      }
      if (!s.given().isEmpty()) {
        // Named after its first type: javac warns when another file uses an auxiliary class.
        sources.add(write(dir, typeName(s.given(), "Given") + ".java", s.given()));
      }
    } else {
      List<String> imports = new ArrayList<>();
      List<String> body = new ArrayList<>();
      boolean head = true;
      for (String l : s.code().split("\n", -1)) {
        if (head && (l.startsWith("import ") || l.isBlank())) {
          imports.add(l);
        } else {
          head = false;
          body.add("    " + l);
        }
      }
      sources.add(write(dir, "Snippet.java", String.join("\n", imports) + "\n\n"
          + "class Snippet {\n  " + s.given() + "\n\n  void run() throws Exception {\n" + String.join("\n", body) + "\n  }\n}\n"));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    List<String> options = List.of("-d", Files.createDirectories(dir.resolve("classes")).toString(), "-proc:none",
        "-Xlint:all,-processing,-serial", "-Werror", "--release", "17",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(out, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
      return ok ? "" : out.toString().isEmpty() ? "javac failed" : out.toString();
    }
  }

  /** @return the name of the first type the code declares (its file's name), or the fallback */
  private static String typeName(String code, String fallback) {
    Matcher m = TYPE_NAME.matcher(code.replaceAll("(?s)/\\*.*?\\*/|//[^\n]*", ""));
    return m.find() ? m.group(1) : fallback;
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
