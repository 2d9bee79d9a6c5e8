package io.github.zegoaiagent.contract;

import java.util.Collection;
import java.util.Locale;

/**
 * Did-you-mean for names a user types: an action ({@code ListAgent} for {@code ListAgents}), a
 * region, a setting of a tool built on the contract. The closest name by edit distance, ignoring
 * case; one helper, so the mock, its command line and the command-line tool answer a typo alike.
 */
public final class DidYouMean {
  private DidYouMean() {
  }

  /**
   * @param typed what the user typed
   * @param known the names it should have been one of
   * @return the shortest known name that {@code typed} begins (a cut-off name: {@code qps} for
   *     {@code qps-limit}, at least 3 characters), else the closest known name within a third of
   *     its length in edits (at least 2), else null
   */
  public static String closest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    if (t.length() >= 3) {
      for (String k : known) {
        if (k.toLowerCase(Locale.ROOT).startsWith(t) && (best == null || k.length() < best.length())) {
          best = k;
        }
      }
      if (best != null) {
        return best;
      }
    }
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(t, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
  }

  /**
   * @param a a name
   * @param b another
   * @return the edit distance counting a swap of two neighbours as one edit (optimal string
   *     alignment: {@code prot} is one edit from {@code port}, two from {@code proxy}); names are
   *     short, so the quadratic table is fine; beyond 200 characters {@link Integer#MAX_VALUE}
   */
  public static int distance(String a, String b) {
    if (a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE; // nothing typed that long is a near miss
    }
    int[] before = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
