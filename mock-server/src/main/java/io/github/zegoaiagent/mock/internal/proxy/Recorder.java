package io.github.zegoaiagent.mock.internal.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zegoaiagent.mock.values.DriftReport;
import io.github.zegoaiagent.mock.values.RecordedExchange;
import io.github.zegoaiagent.mock.values.RecordingHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Writes a recording ({@code --record}): the {@link RecordingHeader} line, then one masked
 * {@link RecordedExchange} per line, in the order exchanges were answered. Lines are written by
 * one daemon thread, never by the thread answering a request; at most {@value #MAX_QUEUED_BYTES}
 * bytes wait for the disk, and the file stops growing at {@value #MAX_FILE_BYTES} bytes: past
 * either bound, exchanges are counted as lost instead of written (the report says how many).
 * Every line is flushed, so a process that dies keeps what was written. Thread-safe.
 */
final class Recorder implements AutoCloseable {
  static final long MAX_QUEUED_BYTES = 64L << 20;
  static final long MAX_FILE_BYTES = 1L << 30;

  private final ObjectMapper mapper = new ObjectMapper();
  private final Path file;
  private final RecordingHeader header;
  private final OutputStream out;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private final Thread writer;
  private long queuedBytes;
  private long fileBytes;
  private long lines;
  private long lost;
  private boolean closing;

  /**
   * Creates (or replaces) the file and writes the header.
   *
   * @param file where
   * @param header the first line
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  Recorder(Path file, RecordingHeader header) {
    this.file = file;
    this.header = header;
    try {
      this.out = Files.newOutputStream(file);
      byte[] first = line(header);
      out.write(first);
      out.flush();
      fileBytes = first.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record to " + file + " (--record): " + e.getMessage(), e);
    }
    writer = new Thread(this::drain, "zego-mock-recorder");
    writer.setDaemon(true);
    writer.start();
  }

  /** @param exchange the masked exchange to append (made and serialised on the caller's thread) */
  void add(RecordedExchange exchange) {
    byte[] l;
    try {
      l = line(exchange);
    } catch (IOException e) {
      synchronized (this) {
        lost++;
      }
      return;
    }
    synchronized (this) {
      if (closing || queuedBytes + l.length > MAX_QUEUED_BYTES || fileBytes + queuedBytes + l.length > MAX_FILE_BYTES) {
        lost++;
        return;
      }
      queue.add(l);
      queuedBytes += l.length;
      notifyAll();
    }
  }

  private byte[] line(Object o) throws JsonProcessingException {
    byte[] json = mapper.writeValueAsBytes(o);
    byte[] l = java.util.Arrays.copyOf(json, json.length + 1);
    l[json.length] = '\n';
    return l;
  }

  private void drain() {
    while (true) {
      byte[] l;
      synchronized (this) {
        while (queue.isEmpty() && !closing) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (queue.isEmpty()) {
          return;
        }
        l = queue.poll();
      }
      boolean written;
      try {
        out.write(l);
        out.flush();
        written = true;
      } catch (IOException e) {
        written = false;
      }
      synchronized (this) {
        queuedBytes -= l.length;
        if (written) {
          fileBytes += l.length;
          lines++;
        } else {
          lost++;
        }
        notifyAll();
      }
    }
  }

  /** @return what the report says of the recording */
  synchronized DriftReport.Recording status() {
    return new DriftReport.Recording(file.toString(), header, lines, lost);
  }

  /** Writes what is queued (at most 5 s), then closes the file. */
  @Override
  public void close() {
    synchronized (this) {
      closing = true;
      notifyAll();
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      out.close();
    } catch (IOException e) {
      // nothing more can be written; the lines before are flushed
    }
  }
}
