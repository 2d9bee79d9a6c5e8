package io.github.zegoaiagent.conformance.report;

import io.github.zegoaiagent.conformance.raw.RawApi;
import io.github.zegoaiagent.conformance.spec.Spec;
import io.github.zegoaiagent.mock.values.DriftReport;
import io.github.zegoaiagent.conformance.sut.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The action × rule matrix of a run. A test declares the cells it checks with {@link #cover};
 * {@link ReportExtension} records the test's outcome in them; the matrix is written as Markdown
 * when the run ends.
 */
public final class Report {

  /** The rules, in column order, with what each column means. */
  public static final Map<String, String> RULES = rules();

  /** The report of this test JVM. */
  public static final Report INSTANCE = new Report();

  private static final ThreadLocal<List<String[]>> CURRENT = ThreadLocal.withInitial(ArrayList::new);

  private final Map<String, int[]> cells = new ConcurrentHashMap<>(); // key action|rule -> pass, fail, skip
  private final List<String> failures = new ArrayList<>();

  private static Map<String, String> rules() {
    Map<String, String> r = new java.util.LinkedHashMap<>();
    r.put("signing", "the client sends the documented signed parameters");
    r.put("gateway", "the target enforces signature, timestamp window and each common parameter's code");
    r.put("limits", "the target accepts every at-limit request and refuses every just-over one with 410000003");
    r.put("client-limits", "the client refuses every just-over request locally, without HTTP");
    r.put("errors", "not-found, already-exists and malformed-body codes");
    r.put("responses", "a successful call whose answer validates against the response schema");
    r.put("client-e2e", "the action called through the generated client (target, and the standalone jar)");
    r.put("sequence", "walkie-talkie Sequence rules and refusals while listening");
    r.put("pact", "the client's pact interaction verified against the target");
    r.put("real-clients", "request shapes real third-party clients send are accepted: null for every optional "
        + "property (same answer as leaving it out), legacy values, old switches, extra fields, base-36 nonces");
    r.put("replay", "a recording made through the validating proxy (--record) replayed against the target: the same "
        + "Codes and answer shapes (ids, times and values aside)");
    r.put("unknown-values", "an answer or callback holding an enum value the contract does not list decodes through "
        + "the generated client, keeping the raw value (stub target)");
    return r;
  }

  private Report() { }

  /**
   * Declares a cell the running test checks. Call it first, before any assumption.
   *
   * @param action the action
   * @param rule a key of {@link #RULES}
   */
  public static void cover(String action, String rule) {
    if (!RULES.containsKey(rule)) {
      throw new IllegalArgumentException("unknown rule " + rule);
    }
    CURRENT.get().add(new String[] {action, rule});
  }

  static void clearCurrent() {
    CURRENT.get().clear();
  }

  synchronized void finish(int outcome, String testName, Throwable failure) {
    for (String[] cell : CURRENT.get()) {
      cells.computeIfAbsent(cell[0] + "|" + cell[1], k -> new int[3])[outcome]++;
    }
    if (outcome == 1 && !CURRENT.get().isEmpty()) {
      String first = failure == null ? "" : String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
      failures.add(testName + ": " + first);
    }
    CURRENT.get().clear();
  }

  /**
   * Writes {@code conformance-report.md}.
   *
   * @param dir the directory
   * @param target the target of the run
   * @return the file written
   */
  public synchronized Path write(Path dir, Target target) {
    StringBuilder md = new StringBuilder();
    int[] total = new int[3];
    cells.values().forEach(c -> { total[0] += c[0]; total[1] += c[1]; total[2] += c[2]; });
    md.append("# Conformance report\n\n");
    md.append("- Target: ").append(target.describe()).append('\n');
    md.append("- Finished: ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)).append('\n');
    md.append("- Java: ").append(System.getProperty("java.version")).append('\n');
    md.append("- Checks: ").append(total[0]).append(" passed, ").append(total[1]).append(" failed, ")
        .append(total[2]).append(" skipped\n");
    DriftReport drift = RawApi.DRIFT.report();
    md.append("- Drift: ").append(drift.exchanges()).append(" exchanges held to the contract by the validating proxy's "
        + "checks, ").append(drift.drifted()).append(" with drift (`drift-report.md`)\n\n");
    md.append("Each cell counts the checks of that action and rule: ✅ all passed, ❌ some failed, ")
        .append("⏭ skipped for this target, — not applicable.\n\n");
    md.append("| Action |");
    RULES.keySet().forEach(r -> md.append(' ').append(r).append(" |"));
    md.append("\n|---|");
    RULES.keySet().forEach(r -> md.append("---|"));
    md.append('\n');
    for (String action : Spec.CONTRACT.actions()) {
      md.append("| ").append(action).append(" |");
      for (String rule : RULES.keySet()) {
        int[] c = cells.get(action + "|" + rule);
        md.append(' ').append(cell(c)).append(" |");
      }
      md.append('\n');
    }
    md.append("\n## Rules\n\n");
    RULES.forEach((rule, meaning) -> md.append("- **").append(rule).append("**: ").append(meaning).append('\n'));
    md.append("\n## Failures\n\n");
    if (failures.isEmpty()) {
      md.append("None.\n");
    } else {
      failures.stream().sorted().forEach(f -> md.append("- ").append(f).append('\n'));
    }
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("conformance-report.md");
      Files.writeString(file, md);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(int[] c) {
    if (c == null) {
      return "—";
    }
    if (c[1] > 0) {
      return "❌ " + c[1] + "/" + (c[0] + c[1]);
    }
    if (c[0] > 0) {
      return "✅ " + c[0] + (c[2] > 0 ? " (⏭ " + c[2] + ")" : "");
    }
    return "⏭ " + c[2];
  }
}
