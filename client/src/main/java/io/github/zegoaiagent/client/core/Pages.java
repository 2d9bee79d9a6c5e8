package io.github.zegoaiagent.client.core;

/** The cursor rule shared by {@link AutoPager} and {@link AutoPagerAsync}. */
final class Pages {

  private Pages() { }

  /**
   * @param sent the cursor the page was asked with
   * @param page the page that came back
   * @return the cursor of the next page
   * @throws IllegalStateException when the service answered the cursor it was sent, which would
   *     ask the same page forever
   */
  static String next(String sent, Page<?> page) {
    if (page.hasNext() && page.nextCursor().equals(sent)) {
      throw new IllegalStateException("the page asked with Cursor " + WireText.clip(sent, 64)
          + " answered the same Cursor again; stopped instead of asking the same page forever");
    }
    return page.nextCursor();
  }
}
