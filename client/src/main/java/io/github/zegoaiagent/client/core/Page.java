package io.github.zegoaiagent.client.core;

import java.util.List;

/**
 * One page of a list the service answers in pages: its items and the cursor of the next page.
 *
 * @param items the items of this page, in the service's order
 * @param nextCursor the cursor to ask the next page with; null or empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * @param items the items of this page (null for none)
   * @param nextCursor the cursor of the next page, or null/empty on the last page
   */
  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** @return true when another page follows: a non-empty cursor after a non-empty page */
  public boolean hasNext() {
    return nextCursor != null && !nextCursor.isEmpty() && !items.isEmpty();
  }
}
