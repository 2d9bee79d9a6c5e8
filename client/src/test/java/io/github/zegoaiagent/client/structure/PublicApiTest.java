package io.github.zegoaiagent.client.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zegoaiagent.client.ZegoAiAgentClient;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Public API" section lists exactly the packages that hold public types, apart from
 * {@code internal} ones: a new public package is documented, a documented one exists.
 */
class PublicApiTest {

  @Test
  void theReadmeListsEveryPublicPackageAndNoOther() throws Exception {
    assertThat(readmePackages()).isEqualTo(publicPackages());
  }

  /** @return the packages named in backticks in the README's "Public API" section, relative to the root */
  static Set<String> readmePackages() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Public API");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    int internal = section.indexOf("Everything under");
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("`(io\\.github\\.zegoaiagent\\.client[a-z.]*|\\.[a-z]+)`")
        .matcher(internal < 0 ? section : section.substring(0, internal));
    while (m.find()) {
      String name = m.group(1);
      names.add(name.startsWith(".") ? name.substring(1) : name.replace("io.github.zegoaiagent.client", "").replaceFirst("^\\.", ""));
    }
    return names;
  }

  /** @return the packages of the main classes with at least one public top-level type, "" for the root */
  static Set<String> publicPackages() throws IOException, URISyntaxException {
    Path classes = Path.of(ZegoAiAgentClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path root = classes.resolve("io/github/zegoaiagent/client");
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))::iterator) {
        String rel = root.relativize(f.getParent()).toString().replace('/', '.');
        if (rel.equals("internal") || rel.startsWith("internal.")) {
          continue;
        }
        String className = "io.github.zegoaiagent.client." + (rel.isEmpty() ? "" : rel + ".")
            + f.getFileName().toString().replace(".class", "");
        try {
          if (Modifier.isPublic(Class.forName(className, false, PublicApiTest.class.getClassLoader()).getModifiers())) {
            packages.add(rel);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException(className, e);
        }
      }
    }
    return packages;
  }
}
