package io.github.zegoaiagent.conformance.report;

import io.github.zegoaiagent.conformance.raw.RawApi;
import io.github.zegoaiagent.conformance.sut.Targets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records each test's outcome in the cells it {@link Report#cover covered}, and writes the report
 * once, when the whole run ends.
 */
public final class ReportExtension implements BeforeAllCallback, BeforeEachCallback, TestWatcher {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ReportExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    // AutoCloseable: JUnit 5.13+ closes it with the store (CloseableResource is deprecated and warns).
    context.getRoot().getStore(NS).getOrComputeIfAbsent("writer", key -> (AutoCloseable) () -> {
      Path dir = Path.of(System.getProperty("conformance.reportDir", "target"));
      Path file = Report.INSTANCE.write(dir, Targets.current());
      System.out.println("Conformance report: " + file.toAbsolutePath());
      Path drift = RawApi.DRIFT.writeMarkdown(dir.resolve("drift-report.md"), "Drift report: "
          + Targets.current().describe());
      System.out.println("Drift report: " + drift.toAbsolutePath());
    }, AutoCloseable.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Report.clearCurrent();
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    Report.INSTANCE.finish(0, context.getDisplayName(), null);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Report.INSTANCE.finish(1, context.getParent().map(ExtensionContext::getDisplayName).orElse("") + " "
        + context.getDisplayName(), cause);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    Report.INSTANCE.finish(2, context.getDisplayName(), cause);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    Report.clearCurrent();
  }
}
