package io.github.zegoaiagent.client.core;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list, fetched lazily: a page is asked for only when the items before it
 * have been consumed, following each answer's cursor until a page comes back without one (or
 * empty). Each {@link #iterator()} (and {@link #stream()}) starts over from the first page. A
 * failed page request throws the client's exception from {@code hasNext()}/{@code next()}.
 * The counterpart of stripe-java's {@code autoPagingIterable()} and openai-java's
 * {@code autoPager()}.
 *
 * <pre>{@code
 * for (AgentInfo agent : client.listAllAgents(new ListAgentsRequest().limit(10))) { ... }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

  private final String firstCursor;
  private final Function<String, Page<T>> fetch;

  private AutoPager(String firstCursor, Function<String, Page<T>> fetch) {
    this.firstCursor = firstCursor;
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  /**
   * @param firstCursor the cursor of the first page, or null/empty to start at the beginning
   * @param fetch asks one page by its cursor
   * @param <T> the item type
   * @return a pager that has fetched nothing yet
   */
  public static <T> AutoPager<T> of(String firstCursor, Function<String, Page<T>> fetch) {
    return new AutoPager<>(firstCursor, fetch);
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Iterator<T> items = Collections.emptyIterator();
      private String cursor = firstCursor;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && more) {
          Page<T> page = Objects.requireNonNull(fetch.apply(cursor), "page");
          more = page.hasNext();
          cursor = Pages.next(cursor, page);
          items = page.items().iterator();
        }
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more items");
        }
        return items.next();
      }
    };
  }

  /** @return the items as a sequential, lazy stream (pages are asked as the stream is consumed) */
  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  @Override
  public String toString() {
    return "AutoPager[from cursor " + WireText.clip(firstCursor, 64) + "]";
  }
}
