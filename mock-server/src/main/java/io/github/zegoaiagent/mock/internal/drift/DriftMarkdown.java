package io.github.zegoaiagent.mock.internal.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.zegoaiagent.mock.values.DriftKind;
import io.github.zegoaiagent.mock.values.DriftReport;
import java.util.EnumSet;
import java.util.Set;

/**
 * The drift report as Markdown, shaped like the conformance report: the totals, a table of the
 * actions with their drift kinds, then per action each kind with its count and one masked
 * example, the tolerance rules the service was seen to live by, and what each kind means.
 * Everything in it comes from a {@link DriftReport}, so it holds no more than the JSON form.
 */
public final class DriftMarkdown {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DriftMarkdown() {
  }

  /**
   * @param r the report
   * @param title the first heading, e.g. {@code Drift report}
   * @return the Markdown text
   */
  public static String render(DriftReport r, String title) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append("- Upstream: ").append(r.upstream() == null ? "none (the mock simulates)" : "`" + r.upstream() + "`").append('\n');
    md.append("- Since: ").append(r.since()).append('\n');
    md.append("- Exchanges: ").append(r.exchanges()).append(", callbacks: ").append(r.callbacks())
        .append(", with drift: ").append(r.drifted()).append('\n');
    if (r.recording() != null) {
      md.append("- Recording: `").append(r.recording().path()).append("` (format ").append(r.recording().header().format())
          .append(" v").append(r.recording().header().version()).append(", ").append(r.recording().lines())
          .append(" lines").append(r.recording().lost() > 0 ? ", " + r.recording().lost() + " exchanges not written" : "")
          .append(")\n");
    }
    md.append("\nDrift is every difference between what was exchanged and the contract "
        + "(`openapi/zego-aiagent.yaml`). The service is the truth: each kind below is either a fact to add to the "
        + "contract or a behaviour to report. Examples are masked (credentials become `***`); the signing "
        + "parameters are never shown.\n\n");
    md.append("| Action | Exchanges | Drift |\n|---|---|---|\n");
    if (r.actions().isEmpty()) {
      md.append("| (none seen) | 0 | |\n");
    }
    for (DriftReport.ActionDrift a : r.actions()) {
      StringBuilder kinds = new StringBuilder();
      for (DriftReport.DriftCount k : a.drift()) {
        kinds.append(kinds.length() == 0 ? "" : ", ").append(k.kind().wireName()).append(" ×").append(k.count());
      }
      md.append("| ").append(cell(a.action())).append(" | ").append(a.exchanges()).append(" | ")
          .append(kinds.length() == 0 ? "✅ none" : "❌ " + kinds).append(" |\n");
    }
    Set<DriftKind> seen = EnumSet.noneOf(DriftKind.class);
    for (DriftReport.ActionDrift a : r.actions()) {
      if (a.drift().isEmpty() && a.tolerated().isEmpty()) {
        continue;
      }
      md.append("\n## ").append(a.action()).append("\n\n");
      if (!a.drift().isEmpty()) {
        md.append("| Kind | Count | Where | First seen |\n|---|---|---|---|\n");
        for (DriftReport.DriftCount k : a.drift()) {
          seen.add(k.kind());
          DriftReport.DriftExample e = k.example();
          md.append("| ").append(k.kind().wireName()).append(" | ").append(k.count()).append(" | ")
              .append(e == null ? "" : code(e.path())).append(" | ").append(e == null ? "" : cell(e.detail())).append(" |\n");
        }
        for (DriftReport.DriftCount k : a.drift()) {
          if (k.example() != null && k.example().exchange() != null) {
            md.append("\n<details><summary>").append(k.kind().wireName()).append(": the exchange (masked)</summary>\n\n")
                .append(fence(json(k.example().exchange()))).append("\n</details>\n");
          }
        }
      }
      if (!a.tolerated().isEmpty()) {
        md.append("\nAccepted thanks to the contract's tolerant face (`x-zego-tolerance`; this project's client would "
            + "not send them):\n\n");
        for (DriftReport.Tolerated t : a.tolerated()) {
          md.append("- `").append(t.rule()).append("`: ").append(t.count()).append(" requests, e.g. ")
              .append(code(t.example())).append('\n');
        }
      }
    }
    if (!seen.isEmpty()) {
      md.append("\n## What the kinds mean\n\n");
      seen.forEach(k -> md.append("- **").append(k.wireName()).append("**: ").append(k.meaning()).append('\n'));
    }
    return md.toString();
  }

  private static String json(Object o) {
    try {
      return PRETTY.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      return "(not shown: " + e.getClass().getSimpleName() + ")";
    }
  }

  /** A fenced block whose fence no line of the text can close. */
  private static String fence(String text) {
    String ticks = "```";
    while (text.contains(ticks)) {
      ticks += "`";
    }
    return ticks + "json\n" + text + "\n" + ticks + "\n";
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
        .replace("<", "&lt;");
  }

  private static String code(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return "`" + s.replace("`", "'").replace("|", "\\|").replace("\r", " ").replace("\n", " ") + "`";
  }
}
