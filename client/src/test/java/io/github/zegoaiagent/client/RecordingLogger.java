package io.github.zegoaiagent.client;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A System.Logger that keeps every line, at every level, as a logging backend would write it. */
public final class RecordingLogger implements System.Logger {

  /**
   * One logged line.
   *
   * @param level its level
   * @param message the message, formatted
   * @param thrown the attached throwable, or null
   */
  public record Line(Level level, String message, Throwable thrown) {
    @Override
    public String toString() {
      return level + " " + message + (thrown == null ? "" : " " + thrown);
    }
  }

  private final List<Line> lines = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return "recording";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    lines.add(new Line(level, msg, thrown));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    lines.add(new Line(level, params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params), null));
  }

  @Override
  public void log(Level level, Supplier<String> supplier) {
    lines.add(new Line(level, supplier.get(), null));
  }

  /** @return every line as "LEVEL message[ throwable]" */
  public List<String> lines() {
    return lines.stream().map(Line::toString).toList();
  }

  /** @return the messages (with the attached throwable's text, if any) */
  public List<String> messages() {
    return lines.stream().map(l -> l.message() + (l.thrown() == null ? "" : " " + l.thrown())).toList();
  }

  /**
   * @param level a level
   * @return the messages logged at it
   */
  public List<String> at(Level level) {
    return lines.stream().filter(l -> l.level() == level).map(Line::message).toList();
  }

  /** @return the throwables attached to lines */
  public List<Throwable> thrown() {
    return lines.stream().map(Line::thrown).filter(t -> t != null).toList();
  }
}
