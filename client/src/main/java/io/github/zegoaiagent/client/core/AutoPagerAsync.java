package io.github.zegoaiagent.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * All items of a paged list, fetched lazily without blocking a thread: the next page is asked
 * only after the consumer has seen every item of the current one. Cancelling the future returned
 * by {@link #forEach} stops after the current item and cancels the page request in flight.
 *
 * <pre>{@code
 * client.async().listAllAgents(new ListAgentsRequest().limit(10))
 *     .forEach(agent -> names.add(agent.getName()))
 *     .join();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPagerAsync<T> {

  private final String firstCursor;
  private final Function<String, CompletableFuture<Page<T>>> fetch;

  private AutoPagerAsync(String firstCursor, Function<String, CompletableFuture<Page<T>>> fetch) {
    this.firstCursor = firstCursor;
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  /**
   * @param firstCursor the cursor of the first page, or null/empty to start at the beginning
   * @param fetch asks one page by its cursor, without blocking
   * @param <T> the item type
   * @return a pager that has fetched nothing yet
   */
  public static <T> AutoPagerAsync<T> of(String firstCursor, Function<String, CompletableFuture<Page<T>>> fetch) {
    return new AutoPagerAsync<>(firstCursor, fetch);
  }

  /**
   * Hands every item, page after page, to {@code action}, on the thread that completed the page.
   *
   * @param action told of each item; an exception it throws ends the walk with that exception
   * @return completes when the last page was handled, or exceptionally with the first failure
   *     (the client's own exception, unwrapped)
   */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    Walk walk = new Walk(action);
    walk.ask(firstCursor);
    return walk.done;
  }

  /** @return every item, in order, once the last page has arrived */
  public CompletableFuture<List<T>> toList() {
    List<T> all = new ArrayList<>();
    return forEach(all::add).thenApply(v -> all);
  }

  /** One pass over the pages. */
  private final class Walk {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Consumer<? super T> action;
    private volatile CompletableFuture<Page<T>> inFlight;

    Walk(Consumer<? super T> action) {
      this.action = action;
      done.whenComplete((v, t) -> {
        CompletableFuture<Page<T>> f = inFlight;
        if (t instanceof CancellationException && f != null) {
          f.cancel(true);
        }
      });
    }

    void ask(String cursor) {
      CompletableFuture<Page<T>> page;
      try {
        page = Objects.requireNonNull(fetch.apply(cursor), "page future");
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
      inFlight = page;
      if (done.isDone()) {
        page.cancel(true);
        return;
      }
      page.whenComplete((p, error) -> handle(cursor, p, error));
    }

    private void handle(String cursor, Page<T> page, Throwable error) {
      if (error != null) {
        done.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
        return;
      }
      String next;
      try {
        for (T item : page.items()) {
          if (done.isDone()) {
            return;
          }
          action.accept(item);
        }
        next = Pages.next(cursor, page);
      } catch (RuntimeException | Error e) {
        done.completeExceptionally(e);
        return;
      }
      if (page.hasNext()) {
        ask(next);
      } else {
        done.complete(null);
      }
    }
  }

  @Override
  public String toString() {
    return "AutoPagerAsync[from cursor " + WireText.clip(firstCursor, 64) + "]";
  }
}
