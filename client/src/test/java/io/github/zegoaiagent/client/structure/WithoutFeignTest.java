package io.github.zegoaiagent.client.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feign-core} is optional: an application without it compiles code that uses the client's
 * plain, async and raw interfaces with {@code -Xlint:all -Werror} (annotations of a missing class
 * on {@code AgentsApi} would make javac warn "class file for feign.RequestLine not found").
 */
class WithoutFeignTest {

  private static final String APP = """
      import io.github.zegoaiagent.client.ZegoAiAgentClient;
      import io.github.zegoaiagent.client.api.AgentsApi;
      import io.github.zegoaiagent.client.model.ListAgentsRequest;

      public class App {
        static Object plain(AgentsApi api) {
          return api.listAgents(new ListAgentsRequest().limit(5)).getData().getTotal();
        }

        static Object all(ZegoAiAgentClient client) {
          client.async().agents().listAgents(new ListAgentsRequest()).join();
          client.listAllAgents(new ListAgentsRequest().limit(10)).forEach(a -> a.getAgentId());
          return client.withRawAnswer().control().getClass();
        }
      }
      """;

  @Test
  void anApplicationWithoutFeignCompilesWithoutAWarning(@TempDir Path out) throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("feign"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).contains("jackson-databind");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///App.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return APP;
      }
    };
    StringWriter diagnostics = new StringWriter();

    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-Xlint:all", "-Werror", "-proc:none", "-classpath", classPath, "-d", out.toString()), null, List.of(source)).call();

    assertThat(ok).as("javac: %s", diagnostics).isTrue();
    assertThat(diagnostics.toString()).isEmpty();
    assertThat(Files.exists(out.resolve("App.class"))).isTrue();
  }
}
